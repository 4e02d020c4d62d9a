import { handle } from "@/lib/http/handle";
import { exportTrackVersionEndpoint } from "@/lib/tracks/endpoints";
import { exportResponse } from "@/lib/tracks/version-responses";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(exportTrackVersionEndpoint, async ({ ctx, params, query }) => exportResponse(ctx, params.trackId, params.number, query.format));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
