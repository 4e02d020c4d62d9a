import { handle } from "@/lib/http/handle";
import { diffTrackVersionsEndpoint } from "@/lib/tracks/diff-endpoint";
import { diffTrackVersions } from "@/lib/tracks/diff-track-versions";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(diffTrackVersionsEndpoint, async ({ ctx, params, query }) => diffTrackVersions(ctx, params.trackId, params.number, query.from));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
