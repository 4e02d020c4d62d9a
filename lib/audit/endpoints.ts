import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { auditExportQuerySchema, auditPageSchema, auditParamsSchema, auditQuerySchema } from "./schema";

const FILTERS =
  "Filters: `type` (one or several known types), `actor` (a user id), `subjectType` with `subjectId`, and `from`/`to` (UTC days, both included).";

export const listAuditEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/audit",
  operationId: "listAuditLog",
  summary: "The audit log",
  description: `Every event of the organization — members, invitations, roles, settings, tracks, assignments, work, and the sign-in and security events of its active members — newest first, each with a sentence saying what happened. ${FILTERS} Older pages: pass the answer's \`nextCursor\` as \`cursor\`. Owners and admins only.`,
  tags: ["Audit"],
  auth: "session",
  permission: "audit.read",
  params: auditParamsSchema,
  query: auditQuerySchema,
  response: { status: 200, description: "A page of the audit log.", schema: auditPageSchema },
});

export const exportAuditEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/audit/export",
  operationId: "exportAuditLog",
  summary: "Export the audit log",
  description: `The audit log with the same filters as a download, streamed (any size): \`format=csv\` (UTF-8 with a byte order mark, CRLF lines, cells a spreadsheet would run as formulas written as text) or \`format=json\` (an array of the list's entries). ${FILTERS} The export is itself recorded in the log (\`audit.exported\`, with its format and filters), and holds the events up to that one. Owners and admins only.`,
  tags: ["Audit"],
  auth: "session",
  permission: "audit.read",
  params: auditParamsSchema,
  query: auditExportQuerySchema,
  response: { status: 200, description: "text/csv or application/json, as an attachment.", schema: z.unknown() },
});
