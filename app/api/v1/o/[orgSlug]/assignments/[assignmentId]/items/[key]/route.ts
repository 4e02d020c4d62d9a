import { updateAssignmentItemEndpoint } from "@/lib/assignments/endpoints";
import { updateItem } from "@/lib/assignments/update-item";
import { handle } from "@/lib/http/handle";
import { idempotentSql } from "@/lib/http/idempotency";
import { otherMethods } from "@/lib/http/other-methods";

// Without an Idempotency-Key, exactly one withTransaction (the hot path, decision 0010); with one, the answer is stored in it.
export const PUT = handle(updateAssignmentItemEndpoint, async ({ ctx, request, params, body }) => {
  const { assignmentId, key } = params;
  return idempotentSql(ctx, request, "progress.update", { assignmentId, key, body }, updateAssignmentItemEndpoint.response, (runner) =>
    updateItem(runner, ctx, assignmentId, key, body),
  );
});

export const { GET, POST, PATCH, DELETE } = otherMethods({ PUT });
