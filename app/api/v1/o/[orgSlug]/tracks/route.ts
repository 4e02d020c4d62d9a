import { handle } from "@/lib/http/handle";
import { createTrackEndpoint, listTracksEndpoint } from "@/lib/tracks/endpoints";
import { importTrack } from "@/lib/tracks/import-track";
import { listTracks } from "@/lib/tracks/list-tracks";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listTracksEndpoint, async ({ ctx, query }) => listTracks(ctx, query));

export const POST = handle(createTrackEndpoint, async ({ ctx, body }) => importTrack(ctx, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
