import { rerunEvidenceCheckEndpoint } from "@/lib/evidence/github/endpoints";
import { rerunEvidenceCheck } from "@/lib/evidence/github/rerun-check";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(rerunEvidenceCheckEndpoint, async ({ ctx, params }) => rerunEvidenceCheck(ctx, params.attemptId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
