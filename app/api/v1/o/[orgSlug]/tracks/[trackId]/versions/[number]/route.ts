import { handle } from "@/lib/http/handle";
import { getTrackVersionEndpoint } from "@/lib/tracks/endpoints";
import { versionResponse } from "@/lib/tracks/version-responses";

export const GET = handle(getTrackVersionEndpoint, async ({ ctx, request, params }) => versionResponse(ctx, request, params.trackId, params.number));
