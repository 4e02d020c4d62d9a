import { bulkUpdateItems } from "@/lib/assignments/bulk-update-items";
import { bulkUpdateAssignmentItemsEndpoint } from "@/lib/assignments/endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(bulkUpdateAssignmentItemsEndpoint, async ({ ctx, params, body }) => bulkUpdateItems(ctx, params.assignmentId, body));
