import { getAssignmentItemHistoryEndpoint } from "@/lib/assignments/endpoints";
import { itemHistory } from "@/lib/assignments/item-history";
import { handle } from "@/lib/http/handle";

export const GET = handle(getAssignmentItemHistoryEndpoint, async ({ ctx, params }) => itemHistory(ctx, params.assignmentId, params.key));
