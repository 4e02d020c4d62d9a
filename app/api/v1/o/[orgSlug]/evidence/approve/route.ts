import { bulkApprove } from "@/lib/evidence/bulk-approve";
import { bulkApproveEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(bulkApproveEvidenceEndpoint, async ({ ctx, body }) => bulkApprove(ctx, body));
