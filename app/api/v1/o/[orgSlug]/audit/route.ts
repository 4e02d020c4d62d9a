import { listAudit } from "@/lib/audit/list-audit";
import { listAuditEndpoint } from "@/lib/audit/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listAuditEndpoint, ({ ctx, query }) => listAudit(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
