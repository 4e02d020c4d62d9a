import { handle } from "@/lib/http/handle";
import { deleteTrackNodeEndpoint, updateTrackNodeEndpoint } from "@/lib/tracks/edit-endpoints";
import { deleteNode, editTarget, updateNode } from "@/lib/tracks/edit-version";
import { otherMethods } from "@/lib/http/other-methods";

export const PATCH = handle(updateTrackNodeEndpoint, async ({ ctx, request, params, body }) => updateNode(ctx, editTarget(request, params), params.key, body));

export const DELETE = handle(deleteTrackNodeEndpoint, async ({ ctx, request, params }) => deleteNode(ctx, editTarget(request, params), params.key));

export const { GET, POST, PUT } = otherMethods({ PATCH, DELETE });
