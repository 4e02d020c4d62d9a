import { handle } from "@/lib/http/handle";
import { moveTrackNodeEndpoint } from "@/lib/tracks/edit-endpoints";
import { editTarget, moveNode } from "@/lib/tracks/edit-version";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(moveTrackNodeEndpoint, async ({ ctx, request, params, body }) => moveNode(ctx, editTarget(request, params), params.key, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
