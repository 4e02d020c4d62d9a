import { handle } from "@/lib/http/handle";
import { updateTrackEndpoint } from "@/lib/tracks/edit-endpoints";
import { getTrackEndpoint } from "@/lib/tracks/endpoints";
import { getTrack } from "@/lib/tracks/read-track";
import { updateTrack } from "@/lib/tracks/update-track";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getTrackEndpoint, async ({ ctx, params }) => getTrack(ctx, params.trackId));

export const PATCH = handle(updateTrackEndpoint, async ({ ctx, params, body }) => updateTrack(ctx, params.trackId, body));

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
