import { bulkUpdateItems } from "@/lib/assignments/bulk-update-items";
import { bulkUpdateAssignmentItemsEndpoint } from "@/lib/assignments/endpoints";
import { handle } from "@/lib/http/handle";
import { idempotent } from "@/lib/http/idempotency";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(bulkUpdateAssignmentItemsEndpoint, async ({ ctx, request, params, body }) => {
  const { assignmentId } = params;
  return idempotent(ctx, request, "progress.bulkUpdate", { assignmentId, body }, bulkUpdateAssignmentItemsEndpoint.response, (tx) =>
    bulkUpdateItems(ctx, assignmentId, body, tx),
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
