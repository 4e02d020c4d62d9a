import { handle } from "@/lib/http/handle";
import { createDraft } from "@/lib/tracks/create-draft";
import { createTrackDraftEndpoint } from "@/lib/tracks/endpoints";

export const POST = handle(createTrackDraftEndpoint, async ({ ctx, params }) => createDraft(ctx, params.trackId));
