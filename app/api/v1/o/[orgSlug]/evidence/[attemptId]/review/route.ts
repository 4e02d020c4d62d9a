import { reviewEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { reviewEvidence } from "@/lib/evidence/review-evidence";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(reviewEvidenceEndpoint, async ({ ctx, params, body }) => reviewEvidence(ctx, params.attemptId, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
