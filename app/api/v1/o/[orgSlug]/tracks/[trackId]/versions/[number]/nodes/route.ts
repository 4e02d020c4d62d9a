import { handle } from "@/lib/http/handle";
import { addTrackNodesEndpoint } from "@/lib/tracks/edit-endpoints";
import { addNodes, editTarget } from "@/lib/tracks/edit-version";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(addTrackNodesEndpoint, async ({ ctx, request, params, body }) => addNodes(ctx, editTarget(request, params), body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
