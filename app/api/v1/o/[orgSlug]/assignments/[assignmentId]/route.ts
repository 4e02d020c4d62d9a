import { getAssignmentEndpoint, updateAssignmentEndpoint } from "@/lib/assignments/endpoints";
import { readAssignment } from "@/lib/assignments/read-assignment";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getAssignmentEndpoint, async ({ ctx, params }) => readAssignment(ctx, params.assignmentId));

export const PATCH = handle(updateAssignmentEndpoint, async ({ ctx, params, body }) => updateAssignment(ctx, params.assignmentId, body));

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
