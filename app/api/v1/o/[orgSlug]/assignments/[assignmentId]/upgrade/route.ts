import { applyAssignmentUpgradeEndpoint, previewAssignmentUpgradeEndpoint } from "@/lib/assignments/endpoints";
import { applyUpgrade, previewUpgrade } from "@/lib/assignments/upgrade-assignment";
import { handle } from "@/lib/http/handle";
import { idempotent } from "@/lib/http/idempotency";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(previewAssignmentUpgradeEndpoint, async ({ ctx, params, query }) => previewUpgrade(ctx, params.assignmentId, query.to));

export const POST = handle(applyAssignmentUpgradeEndpoint, async ({ ctx, request, params, body }) => {
  const { assignmentId } = params;
  return idempotent(ctx, request, "assignments.upgrade", { assignmentId, body }, applyAssignmentUpgradeEndpoint.response, (tx) => applyUpgrade(ctx, assignmentId, body, tx));
});

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
