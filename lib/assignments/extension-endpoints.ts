import { defineEndpoint } from "@/lib/http/endpoint";
import { assignmentParamsSchema } from "./schema";
import { dueDateExtensionListSchema, extendDueDateSchema, extendedAssignmentSchema } from "./extension-schema";

export const extendAssignmentDueDateEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/due-date-extensions",
  operationId: "extendAssignmentDueDate",
  summary: "Extend an assignment's due date",
  description:
    "Moves the due date later, with a reason (1–500 characters): the new date must be after the current one, and the assignment must have one and not be archived (409). Kept in the assignment's history; records assignment.due_date_extended.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.update",
  params: assignmentParamsSchema,
  body: extendDueDateSchema,
  response: { status: 201, description: "The extension and the assignment after it.", schema: extendedAssignmentSchema },
  errors: ["CONFLICT"],
});

export const listAssignmentDueDateExtensionsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/due-date-extensions",
  operationId: "listAssignmentDueDateExtensions",
  summary: "List an assignment's due-date extensions",
  description: "Every extension, newest first, for anyone who sees the assignment (owners and admins, its mentors, the hire); any other id is 404.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.read",
  params: assignmentParamsSchema,
  response: { status: 200, description: "The history.", schema: dueDateExtensionListSchema },
});
