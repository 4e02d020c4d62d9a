import { updateAssignmentItemEndpoint } from "@/lib/assignments/endpoints";
import { updateItem } from "@/lib/assignments/update-item";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const PUT = handle(updateAssignmentItemEndpoint, async ({ ctx, params, body }) => updateItem(ctx, params.assignmentId, params.key, body));

export const { GET, POST, PATCH, DELETE } = otherMethods({ PUT });
