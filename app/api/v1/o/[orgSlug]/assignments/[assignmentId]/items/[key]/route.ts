import { updateAssignmentItemEndpoint } from "@/lib/assignments/endpoints";
import { updateItem, writeItem } from "@/lib/assignments/update-item";
import { prismaRunner } from "@/lib/db/sql";
import { handle } from "@/lib/http/handle";
import { IDEMPOTENCY_HEADER, idempotent } from "@/lib/http/idempotency";
import { otherMethods } from "@/lib/http/other-methods";

export const PUT = handle(updateAssignmentItemEndpoint, async ({ ctx, request, params, body }) => {
  const { assignmentId, key } = params;
  // Without a key, the hot path as it was (decision 0010); with one, the write and its stored answer share a transaction.
  if (!request.headers.has(IDEMPOTENCY_HEADER)) return updateItem(ctx, assignmentId, key, body);
  return idempotent(ctx, request, "progress.update", { assignmentId, key, body }, updateAssignmentItemEndpoint.response, (tx) =>
    writeItem(prismaRunner(tx), ctx, assignmentId, key, body),
  );
});

export const { GET, POST, PATCH, DELETE } = otherMethods({ PUT });
