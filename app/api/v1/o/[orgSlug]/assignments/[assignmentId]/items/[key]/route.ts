import { updateAssignmentItemEndpoint } from "@/lib/assignments/endpoints";
import { updateItem } from "@/lib/assignments/update-item";
import { handle } from "@/lib/http/handle";

export const PUT = handle(updateAssignmentItemEndpoint, async ({ ctx, params, body }) => updateItem(ctx, params.assignmentId, params.key, body));
