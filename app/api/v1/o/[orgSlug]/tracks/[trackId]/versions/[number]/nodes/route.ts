import { handle } from "@/lib/http/handle";
import { addTrackNodesEndpoint } from "@/lib/tracks/edit-endpoints";
import { addNodes, editTarget } from "@/lib/tracks/edit-version";

export const POST = handle(addTrackNodesEndpoint, async ({ ctx, request, params, body }) => addNodes(ctx, editTarget(request, params), body));
