import { getAssignmentItemHistoryEndpoint } from "@/lib/assignments/endpoints";
import { itemHistory } from "@/lib/assignments/item-history";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getAssignmentItemHistoryEndpoint, async ({ ctx, params }) => itemHistory(ctx, params.assignmentId, params.key));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
