import { listItemEvidenceEndpoint, submitEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { listItemEvidence } from "@/lib/evidence/item-evidence";
import { assertMaySubmit, submitEvidenceRequest } from "@/lib/evidence/submit-request";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listItemEvidenceEndpoint, async ({ ctx, params }) => listItemEvidence(ctx, params.assignmentId, params.key));

export const POST = handle(
  submitEvidenceEndpoint,
  async ({ ctx, request, params, body, files }) => submitEvidenceRequest(ctx, request, { assignmentId: params.assignmentId, key: params.key }, body, files, submitEvidenceEndpoint.response),
  // Only the assignee's upload is read: anyone else is refused before the first byte.
  { authorize: ({ ctx, params }) => assertMaySubmit(ctx, params.assignmentId) },
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
