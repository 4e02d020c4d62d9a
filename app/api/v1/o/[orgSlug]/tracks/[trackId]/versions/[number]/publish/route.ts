import { handle } from "@/lib/http/handle";
import { publishTrackVersionEndpoint } from "@/lib/tracks/endpoints";
import { publishVersion } from "@/lib/tracks/publish-version";

export const POST = handle(publishTrackVersionEndpoint, async ({ ctx, params }) => publishVersion(ctx, params.trackId, params.number));
