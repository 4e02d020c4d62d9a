import { applyAssignmentUpgradeEndpoint, previewAssignmentUpgradeEndpoint } from "@/lib/assignments/endpoints";
import { applyUpgrade, previewUpgrade } from "@/lib/assignments/upgrade-assignment";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(previewAssignmentUpgradeEndpoint, async ({ ctx, params, query }) => previewUpgrade(ctx, params.assignmentId, query.to));

export const POST = handle(applyAssignmentUpgradeEndpoint, async ({ ctx, params, body }) => applyUpgrade(ctx, params.assignmentId, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
