import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import {
  attemptParamsSchema,
  fileParamsSchema,
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
import { MAX_SUBMISSION_BYTES } from "./evidence-files";

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
    "A new attempt with a link, a markdown note and/or files (send multipart/form-data with the fields and up to 5 files in `files`: each at most 10 MiB, 25 MiB in all, 413 beyond; allowed types are recognised by their content: images, PDF, ZIP, UTF-8 text — anything else, such as a renamed executable, is a 422). Only the assignee submits (403 for their mentors and admins). One attempt waits at a time: while one is waiting, or once one is approved, it is a 409. A first attempt moves a not-started item to in progress. Send `Idempotency-Key` to make retries safe. Records evidence.submitted.",
  tags: ["Evidence"],
  auth: "session",
  permission: "evidence.submit",
  params: itemEvidenceParamsSchema,
  body: submitEvidenceSchema,
  files: { field: "files", maxBodyBytes: MAX_SUBMISSION_BYTES, description: "Up to 5 files." },
  response: { status: 201, description: "The new attempt.", schema: attemptSchema },
  errors: ["CONFLICT"],
});

export const reviewEvidenceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/evidence/{attemptId}/review",
  operationId: "reviewEvidence",
  summary: "Approve an attempt or request changes",
  description:
    "Only a waiting attempt is reviewed (422 otherwise, with `details.status`), by one of the assignment's mentors or an owner or admin, never by its author (403). Approving marks the item done (and may complete the assignment); an item that requires verified evidence is approved only when the attempt's GitHub check is VERIFIED (409 otherwise, saying why; decision 0034). Requesting changes needs a comment. Records evidence.reviewed (and progress.updated on approval).",
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

export const downloadEvidenceFileEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/evidence/files/{fileId}",
  operationId: "downloadEvidenceFile",
  summary: "Download an evidence file",
  description: `The file as an attachment, with the type its content was recognised as and \`X-Content-Type-Options: nosniff\`. ${VISIBILITY}`,
  tags: ["Evidence"],
  auth: "session",
  permission: "assignment.read",
  params: fileParamsSchema,
  response: { status: 200, description: "The file's bytes.", schema: z.unknown() },
});
