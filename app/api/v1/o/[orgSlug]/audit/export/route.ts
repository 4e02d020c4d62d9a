import { exportAudit } from "@/lib/audit/export-audit";
import { exportAuditEndpoint } from "@/lib/audit/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(exportAuditEndpoint, ({ ctx, query }) => exportAudit(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
