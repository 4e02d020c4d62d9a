import { dismissAssignmentUpgradeNoticeEndpoint } from "@/lib/assignments/endpoints";
import { dismissUpgradeNotice } from "@/lib/assignments/upgrade-notice";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const DELETE = handle(dismissAssignmentUpgradeNoticeEndpoint, async ({ ctx, params }) => dismissUpgradeNotice(ctx, params.assignmentId));

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
