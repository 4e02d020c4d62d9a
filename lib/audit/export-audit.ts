/**
 * The audit log as a download (GET …/audit/export?format=csv|json), streamed: the
 * response body is a ReadableStream that reads the next keyset batch only when the
 * client has taken the previous one (`pull`), so memory holds one batch whatever the
 * size of the log, and a slow or vanished client stops the reading (`cancel`).
 *
 * The export first records its own event (`audit.exported`: who, which format, which
 * filters) and commits it, so an export is in the log even if the download is then
 * abandoned; the rows exported are those up to that event's sequence (a snapshot of
 * where the log stood: events committed while the download runs are not half in it).
 * The file holds that event too when the filters match it.
 */
import { stringify } from "csv-stringify/sync";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext } from "@/lib/http/handle";
import { readAuditBatch } from "./audit-rows";
import type { AuditEntry, AuditExportQuery, AuditFilters } from "./schema";

const CSV_HEADER = ["Sequence", "Time (UTC)", "Type", "Category", "Actor", "Actor email", "Actor id", "Subject type", "Subject id", "Description", "Payload (JSON)"];

function csvRecord(entry: AuditEntry): unknown[] {
  return [
    entry.sequence,
    entry.at.toISOString(),
    entry.type,
    entry.category,
    entry.actor?.name ?? "",
    entry.actor?.email ?? "",
    entry.actor?.id ?? "",
    entry.subjectType,
    entry.subjectId,
    entry.description,
    JSON.stringify(entry.payload),
  ];
}

/** Names and payloads are people's to write: escape_formulas keeps "=HYPERLINK(…)" text in a spreadsheet. */
const csv = (records: unknown[][], first: boolean) => stringify(records, { escape_formulas: true, bom: first, record_delimiter: "windows" });

/** The filters that were set, as the export's event records them. */
function filtersOf(filters: AuditFilters): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as Record<string, string | string[]>;
}

export async function exportAudit(ctx: OrgContext, { format, ...filters }: AuditExportQuery, batchSize = getConfig().AUDIT_EXPORT_BATCH_SIZE): Promise<Response> {
  const organizationId = ctx.organization.id;
  const recorded = await getDb().$transaction((tx) =>
    recordEvent(tx, { organizationId, type: "audit.exported", actorId: ctx.user.id, subjectType: "organization", subjectId: organizationId, payload: { format, filters: filtersOf(filters) } }),
  );
  const upTo = recorded.sequence;
  const encoder = new TextEncoder();
  let before: bigint | null = null;
  let started = false;
  let finished = false;
  let count = 0;

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (finished) return;
          const batch = await readAuditBatch(organizationId, filters, { before, upTo, limit: batchSize });
          const first = !started;
          started = true;
          let chunk: string;
          if (format === "csv") {
            chunk = csv(first ? [CSV_HEADER, ...batch.entries.map(csvRecord)] : batch.entries.map(csvRecord), first);
          } else {
            // A JSON array written element by element: "[" first, "," between rows, "]" last.
            chunk = (first ? "[\n" : "") + batch.entries.map((entry, index) => `${count + index === 0 ? "" : ",\n"}${JSON.stringify(entry)}`).join("");
          }
          count += batch.entries.length;
          before = batch.nextBefore;
          if (before === null) {
            finished = true;
            if (format === "json") chunk += "\n]\n";
            controller.enqueue(encoder.encode(chunk));
            controller.close();
            ctx.log.info({ format, rows: count }, "audit log exported");
            return;
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          // The headers have gone: the client sees a cut-off file, the log says why.
          ctx.log.error({ err: error, format, rows: count }, "audit export failed mid-stream");
          controller.error(error);
        }
      },
      cancel() {
        finished = true;
        ctx.log.info({ format, rows: count }, "audit export abandoned by the client");
      },
    },
    // One batch at a time: the next is read once the client has taken this one.
    { highWaterMark: 0 },
  );

  const day = recorded.createdAt.toISOString().slice(0, 10);
  const filename = `cairn-${ctx.organization.slug}-audit-${day}.${format}`;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
