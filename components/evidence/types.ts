/**
 * The evidence API's JSON as the browser receives it: the server's output
 * schemas (types only, the schema module is never bundled) with every Date as
 * the ISO string JSON carries.
 */
import type { z } from "zod";
import type { Wire } from "@/components/assignments/roadmap/types";
import type { attemptSchema, itemEvidenceSchema, reviewQueueEntrySchema, reviewQueueSchema, reviewResultSchema } from "@/lib/evidence/schema";

export type AttemptJson = Wire<z.output<typeof attemptSchema>>;
export type AttemptStatus = AttemptJson["status"];
export type EvidenceLinkJson = NonNullable<AttemptJson["link"]>;
export type EvidenceLinkKind = EvidenceLinkJson["kind"];
/** GET …/items/{key}/evidence: every attempt, newest first, and what the caller may do now. */
export type ItemEvidenceJson = Wire<z.output<typeof itemEvidenceSchema>>;
/** POST …/evidence/{attemptId}/review. */
export type ReviewResultJson = Wire<z.output<typeof reviewResultSchema>>;
export type ReviewDecision = "APPROVE" | "REQUEST_CHANGES";
/** GET …/reviews: waiting attempts, oldest first. */
export type ReviewQueueJson = Wire<z.output<typeof reviewQueueSchema>>;
export type ReviewQueueEntryJson = Wire<z.output<typeof reviewQueueEntrySchema>>;

/** What the hire sends; an empty field is left out (the server wants at least one). */
export interface SubmitEvidenceBody {
  link?: string;
  note?: string;
  /** Sent as multipart/form-data when there are any. */
  files?: File[];
}

export interface ReviewBody {
  decision: ReviewDecision;
  comment?: string;
}
