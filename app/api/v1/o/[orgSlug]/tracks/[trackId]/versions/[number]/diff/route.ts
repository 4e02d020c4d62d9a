import { handle } from "@/lib/http/handle";
import { diffTrackVersionsEndpoint } from "@/lib/tracks/diff-endpoint";
import { diffTrackVersions } from "@/lib/tracks/diff-track-versions";

export const GET = handle(diffTrackVersionsEndpoint, async ({ ctx, params, query }) => diffTrackVersions(ctx, params.trackId, params.number, query.from));
