import { defineEndpoint } from "@/lib/http/endpoint";
import { nudgeResultSchema, nudgeSchema } from "@/lib/reminders/nudge";
import {
  assignmentDetailSchema,
  assignmentItemParamsSchema,
  assignmentPageSchema,
  assignmentParamsSchema,
  assignmentSummarySchema,
  assignmentsParamsSchema,
  bulkUpdateItemsSchema,
  bulkUpdateResultSchema,
  itemHistorySchema,
  upgradePreviewSchema,
  upgradeQuerySchema,
  upgradeResultSchema,
  upgradeSchema,
  upgradeNoticeResultSchema,
  trackUpgradeCandidatesSchema,
  trackUpgradeParamsSchema,
  trackUpgradeResultSchema,
  trackUpgradeSchema,
  createAssignmentsSchema,
  createdAssignmentsSchema,
  itemUpdateResultSchema,
  listAssignmentsQuerySchema,
  updateAssignmentSchema,
  updateItemSchema,
} from "./schema";

const VISIBILITY = "Owners and admins see every assignment of the organization, mentors the ones they mentor, everyone their own; any other id is 404.";

export const createAssignmentsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments",
  operationId: "createAssignments",
  summary: "Assign a track",
  description:
    "Assigns a published version of a track to one person or a cohort (all or nothing), with mentors, a start and due date and skipped branches. Someone who already has an active assignment of the track makes it a 409 naming them. Send `Idempotency-Key` to make retries safe: the same key and body within 24 hours answers the first response again (`Idempotent-Replayed: true`). Records assignment.created for each.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.create",
  params: assignmentsParamsSchema,
  body: createAssignmentsSchema,
  response: { status: 201, description: "The new assignments.", schema: createdAssignmentsSchema },
  errors: ["CONFLICT"],
});

export const listAssignmentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments",
  operationId: "listAssignments",
  summary: "List assignments",
  description: `Newest first, a page at a time, each with its progress. Filters: person, mentor, track, status, overdue. ${VISIBILITY}`,
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.read",
  params: assignmentsParamsSchema,
  query: listAssignmentsQuerySchema,
  response: { status: 200, description: "One page of assignments.", schema: assignmentPageSchema },
});

export const getAssignmentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}",
  operationId: "getAssignment",
  summary: "Get an assignment with its tree and progress",
  description: `The assignment, its version's tree, every progress row, section counts and the next items. ${VISIBILITY}`,
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.read",
  params: assignmentParamsSchema,
  response: { status: 200, description: "The assignment.", schema: assignmentDetailSchema },
});

export const updateAssignmentEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}",
  operationId: "updateAssignment",
  summary: "Change an assignment",
  description: "Changes the mentors or the due date, or archives the assignment (`archived: true`; it stops taking progress and leaves the default lists) or brings it back. Records assignment.updated.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.update",
  params: assignmentParamsSchema,
  body: updateAssignmentSchema,
  response: { status: 200, description: "The assignment.", schema: assignmentSummarySchema },
  errors: ["CONFLICT"],
});

export const updateAssignmentItemEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}",
  operationId: "updateAssignmentItem",
  summary: "Log progress on an item",
  description:
    "The assignee sets an item's state, note or links. States move NOT_STARTED ⇄ IN_PROGRESS → DONE, and to NOT_APPLICABLE with a reason; a transition that is not allowed is 422 with `details.allowed`. An item that needs evidence is done only when its evidence is approved. Completing the last counted item completes the assignment. Mentors and admins may read but not write (403). Send `Idempotency-Key` (one per user action, the same on each retry of it) to make retries safe: the same key and body within 24 hours answers the first response again (`Idempotent-Replayed: true`) without writing or recording anything; the same key with another body or item is 422. Records progress.updated (and assignment.completed).",
  tags: ["Assignments"],
  auth: "session",
  permission: "progress.update",
  params: assignmentItemParamsSchema,
  body: updateItemSchema,
  response: { status: 200, description: "The item and the assignment's counts.", schema: itemUpdateResultSchema },
  errors: ["CONFLICT"],
});

export const bulkUpdateAssignmentItemsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/bulk",
  operationId: "bulkUpdateAssignmentItems",
  summary: "Log progress on many items at once",
  description:
    "The assignee sets every listed item to one state (a section at once), all or nothing: if any item cannot make that move, 422 with `details.refused` ([{ key, from, allowed }]) and nothing changes. Items already in the state are left alone. Send `Idempotency-Key` to make retries safe: the same key and body within 24 hours answers the first response again (`Idempotent-Replayed: true`) without writing or recording anything; the same key with another body is 422. Records progress.updated for each changed item.",
  tags: ["Assignments"],
  auth: "session",
  permission: "progress.update",
  params: assignmentParamsSchema,
  body: bulkUpdateItemsSchema,
  response: { status: 200, description: "The listed items and the assignment's counts.", schema: bulkUpdateResultSchema },
  errors: ["CONFLICT"],
});

export const getAssignmentItemHistoryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}/history",
  operationId: "getAssignmentItemHistory",
  summary: "An item's state history",
  description: `Every state change of the item, newest first, with who made it. ${VISIBILITY}`,
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.read",
  params: assignmentItemParamsSchema,
  response: { status: 200, description: "The history.", schema: itemHistorySchema },
});

export const previewAssignmentUpgradeEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/upgrade",
  operationId: "previewAssignmentUpgrade",
  summary: "Preview moving an assignment to a newer version",
  description: `What changes for this person: the version diff (added, removed, renamed, moved items) and what happens to their progress (kept by stable key; archived where the item is gone). 409 when there is no newer published version. ${VISIBILITY}`,
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.read",
  params: assignmentParamsSchema,
  query: upgradeQuerySchema,
  response: { status: 200, description: "The preview.", schema: upgradePreviewSchema },
  errors: ["CONFLICT"],
});

export const applyAssignmentUpgradeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/upgrade",
  operationId: "applyAssignmentUpgrade",
  summary: "Move an assignment to a newer version",
  description:
    "Moves the assignment to the previewed version: progress on renamed and moved items stays, progress on removed items is archived (kept, visible, not counted). The assignee or a manager may do it (mentors 403). Send `Idempotency-Key` to make retries safe: the same key and body within 24 hours answers the first response again (`Idempotent-Replayed: true`) instead of a 409; the same key with another body is 422. Records assignment.upgraded.",
  tags: ["Assignments"],
  auth: "session",
  permission: "progress.update",
  params: assignmentParamsSchema,
  body: upgradeSchema,
  response: { status: 200, description: "What was done and the new counts.", schema: upgradeResultSchema },
  errors: ["CONFLICT"],
});

export const dismissAssignmentUpgradeNoticeEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/upgrade-notice",
  operationId: "dismissAssignmentUpgradeNotice",
  summary: "Dismiss the notice of an upgrade",
  description: `The assignee dismisses "Your track was updated" (the assignment's \`upgradeNotice\`); the archived progress stays in the roadmap's history. Dismissing when there is no notice is no error. Anyone else who sees the assignment gets 403. ${VISIBILITY}`,
  tags: ["Assignments"],
  auth: "session",
  permission: "progress.update",
  params: assignmentParamsSchema,
  response: { status: 200, description: "The notice is gone.", schema: upgradeNoticeResultSchema },
});

export const listTrackUpgradeCandidatesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/upgrades",
  operationId: "listTrackUpgradeCandidates",
  summary: "Hires on older versions of a track",
  description:
    "Owners and admins: every active assignment of the track on a version older than the latest published one, each with the diff from its version (added, removed, renamed, moved) and what happens to its progress (kept by stable key, archived where the item is gone, restored where it comes back). Another organization's track is 404.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.update",
  params: trackUpgradeParamsSchema,
  response: { status: 200, description: "The hires who can be upgraded.", schema: trackUpgradeCandidatesSchema },
});

export const upgradeTrackAssignmentsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/upgrades",
  operationId: "upgradeTrackAssignments",
  summary: "Upgrade many hires to a newer version",
  description:
    "Owners and admins: moves each listed assignment of the track to `toVersionNumber`, each in a transaction of its own (like `POST …/assignments/{id}/upgrade`: progress on renamed and moved items stays, progress on removed items is archived, never deleted). One that fails leaves that hire unchanged and the others upgraded; the answer has one result per id. An id that is not an assignment of this track in this organization is `not_found` and changes nothing. Records assignment.upgraded for each upgraded hire, who gets a notice of what changed.",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.update",
  params: trackUpgradeParamsSchema,
  body: trackUpgradeSchema,
  response: { status: 200, description: "What happened to each hire.", schema: trackUpgradeResultSchema },
});

export const nudgeHireEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/nudges",
  operationId: "nudgeHire",
  summary: "Nudge the hire",
  description:
    "A short plain-text message to the assignment's hire, from an owner or admin or one of the hire's mentors (anyone else who may see the assignment gets 403, the hire themselves included; an assignment the caller may not see is 404). At most one nudge per hire per UTC day, from anyone: a second is a 429 with `Retry-After` and `details.nextAllowedAt`. An assignment that is not active, or a hire who is no longer an active member, is a 409. The hire gets an in-app notification at once and an email after their quiet hours (unless they turned nudge emails off). Records assignment.nudged (without the message).",
  tags: ["Assignments"],
  auth: "session",
  permission: "assignment.nudge",
  params: assignmentParamsSchema,
  body: nudgeSchema,
  bodyLimitBytes: 8 * 1024,
  response: { status: 201, description: "The nudge was sent.", schema: nudgeResultSchema },
  errors: ["CONFLICT", "RATE_LIMITED"],
});
