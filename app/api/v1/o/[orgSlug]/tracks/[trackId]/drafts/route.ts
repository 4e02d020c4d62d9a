import { handle } from "@/lib/http/handle";
import { createDraft } from "@/lib/tracks/create-draft";
import { createTrackDraftEndpoint } from "@/lib/tracks/endpoints";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(createTrackDraftEndpoint, async ({ ctx, params }) => createDraft(ctx, params.trackId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
