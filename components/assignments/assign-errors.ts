/**
 * What went wrong with "Assign a track", sorted for the form: each message next
 * to its field, people named rather than shown as ids, and a 409's conflicts
 * with the assignment each person already has.
 */
import { ApiError } from "@/lib/http/api-client";

export type AssignField = "trackId" | "assigneeIds" | "mentorIds" | "startDate" | "dueDate" | "skippedKeys";
export type AssignFieldErrors = Partial<Record<AssignField, string>>;

// The API's body paths (after "body.") → the form field that shows the message.
const FIELD_OF: Record<string, AssignField> = {
  trackId: "trackId",
  versionNumber: "trackId",
  assigneeIds: "assigneeIds",
  mentorIds: "mentorIds",
  startDate: "startDate",
  dueDate: "dueDate",
  skippedKeys: "skippedKeys",
};

export interface AssignFailure {
  fields: AssignFieldErrors;
  /** For the top of the form: what belongs to no field (or the summary of a conflict). */
  message: string | null;
  conflicts: Array<{ userId: string; name: string; assignmentId: string }>;
}

const FALLBACK = "Something went wrong. Try again.";

function idsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

export function describeAssignFailure(error: unknown, nameOf: (userId: string) => string): AssignFailure {
  if (!(error instanceof ApiError)) return { fields: {}, message: FALLBACK, conflicts: [] };

  if (error.code === "CONFLICT" && Array.isArray(error.details.conflicts)) {
    const conflicts = (error.details.conflicts as Array<{ assigneeId?: unknown; assignmentId?: unknown }>)
      .filter((entry) => typeof entry.assigneeId === "string" && typeof entry.assignmentId === "string")
      .map((entry) => ({ userId: entry.assigneeId as string, name: nameOf(entry.assigneeId as string), assignmentId: entry.assignmentId as string }));
    return { fields: {}, message: error.message, conflicts };
  }

  const fields: AssignFieldErrors = {};
  const loose: string[] = [];
  // The service names the people it refused (details.userIds); say who rather than how many.
  const named = idsIn(error.details.userIds).map(nameOf);
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = FIELD_OF[path.split(".")[0] ?? ""];
    if (!field) {
      loose.push(message);
      continue;
    }
    const withNames = named.length > 0 && (field === "assigneeIds" || field === "mentorIds") ? `${message} (${named.join(", ")})` : message;
    fields[field] ??= withNames;
  }
  const message = loose.length > 0 ? loose.join(" ") : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, message, conflicts: [] };
}
