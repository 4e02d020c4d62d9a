/**
 * The audit log's filters (shared by the list and the export), its page and its
 * rows. Filters are whitelisted: known types only, a known subject kind, UTC
 * calendar days. The page cursor is the sequence of the last row seen (the log is
 * newest first, and a sequence is gap-free and fixed at commit: lib/db/events.ts).
 */
import { z } from "zod";
import { calendarDaySchema } from "@/lib/http/calendar-day";
import { decodeCursorParts, encodeCursorParts } from "@/lib/http/cursor";
import { pageQueryFields } from "@/lib/http/pagination";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { AUDIT_SUBJECT_TYPES, AUDIT_TYPE_NAMES, isAuditEventType } from "./event-catalog";
import type { AuditEventType } from "./event-catalog";

export const auditParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });

/** At most this many types in one filter (there are fewer known types than this). */
const MAX_TYPES = 50;

export function encodeAuditCursor(sequence: bigint | number): string {
  return encodeCursorParts([String(sequence)]);
}

export function decodeAuditCursor(cursor: string): bigint | null {
  const [sequence] = decodeCursorParts(cursor, 1) ?? [];
  // A sequence this API wrote: a positive whole number that fits PostgreSQL's bigint.
  if (typeof sequence !== "string" || !/^[1-9][0-9]{0,17}$/.test(sequence)) return null;
  return BigInt(sequence);
}

const typesField = z
  .union([z.string().max(2000), z.array(z.string().max(200)).max(MAX_TYPES)])
  .transform((value, ctx): AuditEventType[] => {
    const names = [value]
      .flat()
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !isAuditEventType(name));
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `Unknown event type${unknown.length > 1 ? "s" : ""}: ${unknown.slice(0, 5).join(", ")}. Use one of the documented types.` });
      return z.NEVER;
    }
    if (names.length > MAX_TYPES) {
      ctx.addIssue({ code: "custom", message: `Ask for at most ${MAX_TYPES} types.` });
      return z.NEVER;
    }
    return [...new Set(names as AuditEventType[])];
  })
  .optional()
  .meta({ description: `Only these event types: one, several separated by commas, or the parameter repeated. Known types: ${AUDIT_TYPE_NAMES.join(", ")}.` });

const filterFields = {
  type: typesField,
  actor: z.string().min(1).max(64).optional().meta({ description: "Only events by this user (their id)." }),
  subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional().meta({ description: "Only events about this kind of subject." }),
  subjectId: z.string().min(1).max(64).optional().meta({ description: "Only events about this subject (its id; needs subjectType)." }),
  from: calendarDaySchema().optional().meta({ description: "The first day (UTC), included." }),
  to: calendarDaySchema().optional().meta({ description: "The last day (UTC), included." }),
};

type FilterShape = { subjectType?: string; subjectId?: string; from?: string; to?: string };

function checkFilters(filters: FilterShape, ctx: z.RefinementCtx) {
  if (filters.subjectId !== undefined && filters.subjectType === undefined) {
    ctx.addIssue({ code: "custom", path: ["subjectType"], message: "Say what kind of subject the id names." });
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end of the range is on or after its start." });
  }
}

export const auditQuerySchema = z
  .strictObject({
    ...filterFields,
    ...pageQueryFields({ noun: "event", max: 100, default: 50, decode: decodeAuditCursor }),
  })
  .superRefine(checkFilters);
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const auditExportQuerySchema = z
  .strictObject({
    ...filterFields,
    format: z.enum(AUDIT_EXPORT_FORMATS, { message: "Use csv or json." }).default("csv").meta({ description: "csv (the default) or json." }),
  })
  .superRefine(checkFilters);
export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;

/** The filters alone (what an export records about itself, and what every query takes). */
export type AuditFilters = Pick<AuditQuery, "type" | "actor" | "subjectType" | "subjectId" | "from" | "to">;

const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });

export const auditEntrySchema = z.object({
  id: z.string(),
  sequence: z.number(),
  type: z.string(),
  category: z.string().meta({ description: "The group the filters show the type under (members, security, …); `other` for a type this version does not know." }),
  at: z.date(),
  actor: personSchema.nullable().meta({ description: "Who did it; null for Cairn itself or a deleted account." }),
  subjectType: z.string(),
  subjectId: z.string(),
  description: z.string().meta({ description: "What happened, in a sentence." }),
  payload: z.record(z.string(), z.unknown()).meta({ description: "What the event recorded, as stored." }),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema).meta({ description: "Newest first." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next (older) page; null when there is none." }),
});
