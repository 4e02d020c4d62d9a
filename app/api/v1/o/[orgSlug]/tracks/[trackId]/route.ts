import { handle } from "@/lib/http/handle";
import { getTrackEndpoint } from "@/lib/tracks/endpoints";
import { getTrack } from "@/lib/tracks/read-track";

export const GET = handle(getTrackEndpoint, async ({ ctx, params }) => getTrack(ctx, params.trackId));
