import { extendAssignmentDueDateEndpoint, listAssignmentDueDateExtensionsEndpoint } from "@/lib/assignments/extension-endpoints";
import { extendDueDate, listDueDateExtensions } from "@/lib/assignments/extend-due-date";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listAssignmentDueDateExtensionsEndpoint, async ({ ctx, params }) => listDueDateExtensions(ctx, params.assignmentId));

export const POST = handle(extendAssignmentDueDateEndpoint, async ({ ctx, params, body }) => extendDueDate(ctx, params.assignmentId, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
