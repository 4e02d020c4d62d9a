import { defineEndpoint } from "@/lib/http/endpoint";
import {
  attemptParamsSchema,
  bulkApproveResultSchema,
  bulkApproveSchema,
  attemptSchema,
  itemEvidenceParamsSchema,
  itemEvidenceSchema,
  reviewEvidenceSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
  reviewResultSchema,
  submitEvidenceSchema,
} from "./schema";
import { assignmentsParamsSchema } from "@/lib/assignments/schema";

const VISIBILITY = "Owners and admins see every assignment's evidence, mentors their mentees', hires their own; any other id is 404.";

export const listItemEvidenceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}/evidence",
  operationId: "listItemEvidence",
  summary: "List the evidence attempts of an item",
  description: `Every attempt, newest first, with its review; notes and comments come as markdown and as sanitized HTML. ${VISIBILITY}`,
  tags: ["Evidence"],
  auth: "session",
  permission: "assignment.read",
  params: itemEvidenceParamsSchema,
  response: { status: 200, description: "The item's attempts.", schema: itemEvidenceSchema },
});

export const submitEvidenceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}/evidence",
  operationId: "submitEvidence",
  summary: "Submit evidence for an item",
  description:
    "A new attempt with a link and/or a markdown note. Only the assignee submits (403 for their mentors and admins). One attempt waits at a time: while one is waiting, or once one is approved, it is a 409. A first attempt moves a not-started item to in progress. Send `Idempotency-Key` to make retries safe. Records evidence.submitted.",
  tags: ["Evidence"],
  auth: "session",
  permission: "evidence.submit",
  params: itemEvidenceParamsSchema,
  body: submitEvidenceSchema,
  response: { status: 201, description: "The new attempt.", schema: attemptSchema },
  errors: ["CONFLICT"],
});

export const reviewEvidenceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/evidence/{attemptId}/review",
  operationId: "reviewEvidence",
  summary: "Approve an attempt or request changes",
  description:
    "Only a waiting attempt is reviewed (422 otherwise, with `details.status`), by one of the assignment's mentors or an owner or admin, never by its author (403). Approving marks the item done (and may complete the assignment); requesting changes needs a comment. Records evidence.reviewed (and progress.updated on approval).",
  tags: ["Evidence"],
  auth: "session",
  permission: "evidence.review",
  params: attemptParamsSchema,
  body: reviewEvidenceSchema,
  response: { status: 200, description: "The reviewed attempt, the item and the assignment's progress.", schema: reviewResultSchema },
  errors: ["CONFLICT"],
});

export const reviewQueueEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/reviews",
  operationId: "listReviewQueue",
  summary: "The review queue",
  description:
    "Attempts waiting for the caller's review, oldest first: a mentor's mentees', every assignment's for owners and admins, never the caller's own. Filters: hire, track, section. `total` counts them all.",
  tags: ["Evidence"],
  auth: "session",
  permission: "evidence.review",
  params: assignmentsParamsSchema,
  query: reviewQueueQuerySchema,
  response: { status: 200, description: "One page of waiting attempts.", schema: reviewQueueSchema },
});

export const bulkApproveEvidenceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/evidence/approve",
  operationId: "bulkApproveEvidence",
  summary: "Approve several attempts at once",
  description:
    "The chosen attempts (`attemptIds`, up to 100), or every attempt a hire has waiting under a section (`assignmentId` and `sectionKey`). All or nothing: the first that cannot be approved refuses the request with its error and `details.attemptId`. Each approval is recorded as a single one would be.",
  tags: ["Evidence"],
  auth: "session",
  permission: "evidence.review",
  params: assignmentsParamsSchema,
  body: bulkApproveSchema,
  response: { status: 200, description: "What was approved.", schema: bulkApproveResultSchema },
  errors: ["CONFLICT"],
});
