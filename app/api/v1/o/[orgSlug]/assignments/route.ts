import { assignmentsAnnounced, assignTrack } from "@/lib/assignments/assign-track";
import { createAssignmentsEndpoint, listAssignmentsEndpoint } from "@/lib/assignments/endpoints";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { handle } from "@/lib/http/handle";
import { idempotent } from "@/lib/http/idempotency";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listAssignmentsEndpoint, async ({ ctx, query }) => listAssignments(ctx, query));

export const POST = handle(createAssignmentsEndpoint, async ({ ctx, request, body }) => {
  const result = await idempotent(ctx, request, "assignments.create", body, createAssignmentsEndpoint.response, (tx) => assignTrack(tx, ctx, body));
  if (!(result instanceof Response)) await assignmentsAnnounced(ctx, result.items);
  return result;
});

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
