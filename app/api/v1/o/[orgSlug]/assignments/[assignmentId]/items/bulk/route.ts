import { bulkUpdateItems } from "@/lib/assignments/bulk-update-items";
import { bulkUpdateAssignmentItemsEndpoint } from "@/lib/assignments/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(bulkUpdateAssignmentItemsEndpoint, async ({ ctx, params, body }) => bulkUpdateItems(ctx, params.assignmentId, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
