import { listItemEvidenceEndpoint, submitEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { listItemEvidence } from "@/lib/evidence/item-evidence";
import { submitEvidence } from "@/lib/evidence/submit-evidence";
import { handle } from "@/lib/http/handle";
import { idempotent } from "@/lib/http/idempotency";

export const GET = handle(listItemEvidenceEndpoint, async ({ ctx, params }) => listItemEvidence(ctx, params.assignmentId, params.key));

export const POST = handle(submitEvidenceEndpoint, async ({ ctx, request, params, body }) =>
  idempotent(ctx, request, "evidence.submit", { params, body }, submitEvidenceEndpoint.response, (tx) => submitEvidence(tx, ctx, params.assignmentId, params.key, body)),
);
