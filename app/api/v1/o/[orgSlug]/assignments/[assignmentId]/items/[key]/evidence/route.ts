import { listItemEvidenceEndpoint, submitEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { listItemEvidence } from "@/lib/evidence/item-evidence";
import { submitEvidenceRequest } from "@/lib/evidence/submit-request";
import { handle } from "@/lib/http/handle";

export const GET = handle(listItemEvidenceEndpoint, async ({ ctx, params }) => listItemEvidence(ctx, params.assignmentId, params.key));

export const POST = handle(submitEvidenceEndpoint, async ({ ctx, request, params, body, files }) =>
  submitEvidenceRequest(ctx, request, { assignmentId: params.assignmentId, key: params.key }, body, files, submitEvidenceEndpoint.response),
);
