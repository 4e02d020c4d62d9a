/**
 * The assignments API's JSON as the browser receives it. The shapes come from the
 * server's output schemas (types only: the schema module is never bundled), with
 * every Date turned into the ISO string that JSON carries.
 */
import type { z } from "zod";
import type { assignmentDetailSchema, bulkUpdateResultSchema, itemHistorySchema, itemProgressSchema, itemUpdateResultSchema } from "@/lib/assignments/schema";
import type { ProgressState } from "@/lib/progress/progress-math";

/** A value after JSON: Dates become strings, everything else keeps its shape. */
export type Wire<T> = T extends Date ? string : T extends ReadonlyArray<infer U> ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type AssignmentDetailJson = Wire<z.output<typeof assignmentDetailSchema>>;
export type AssignmentSummaryJson = AssignmentDetailJson["assignment"];
export type TrackNodeJson = AssignmentDetailJson["nodes"][number];
export type ItemProgressJson = Wire<z.output<typeof itemProgressSchema>>;
export type ItemUpdateResultJson = Wire<z.output<typeof itemUpdateResultSchema>>;
export type CountsJson = AssignmentSummaryJson["progress"];
export type PersonJson = AssignmentSummaryJson["assignee"];
export type ItemLink = ItemProgressJson["links"][number];

/** POST …/items/bulk: every listed item, or nothing (422 with details.refused). */
export type BulkUpdateResultJson = Wire<z.output<typeof bulkUpdateResultSchema>>;
/** GET …/items/{key}/history, newest first. */
export type ItemHistoryJson = Wire<z.output<typeof itemHistorySchema>>;
export type ItemHistoryEntryJson = ItemHistoryJson["items"][number];

/** What the hire may change on one item (PUT …/items/{key}); a missing field stays as it is. */
export interface ItemChange {
  state?: ProgressState;
  notApplicableReason?: string;
  note?: string | null;
  links?: ItemLink[];
}
