import { handle } from "@/lib/http/handle";
import { publishTrackVersionEndpoint } from "@/lib/tracks/endpoints";
import { publishVersion } from "@/lib/tracks/publish-version";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(publishTrackVersionEndpoint, async ({ ctx, params }) => publishVersion(ctx, params.trackId, params.number));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
