import { bulkApprove } from "@/lib/evidence/bulk-approve";
import { bulkApproveEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(bulkApproveEvidenceEndpoint, async ({ ctx, body }) => bulkApprove(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
