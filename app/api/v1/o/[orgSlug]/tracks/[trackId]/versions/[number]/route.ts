import { handle } from "@/lib/http/handle";
import { getTrackVersionEndpoint } from "@/lib/tracks/endpoints";
import { versionResponse } from "@/lib/tracks/version-responses";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getTrackVersionEndpoint, async ({ ctx, request, params }) => versionResponse(ctx, request, params.trackId, params.number));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
