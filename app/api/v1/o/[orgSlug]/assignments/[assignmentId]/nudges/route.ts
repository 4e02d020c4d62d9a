import { nudgeHireEndpoint } from "@/lib/assignments/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { assertMayNudge, nudgeHire } from "@/lib/reminders/nudge";

export const POST = handle(nudgeHireEndpoint, async ({ ctx, params, body }) => nudgeHire(ctx, params.assignmentId, body), { authorize: ({ ctx, params }) => assertMayNudge(ctx, params.assignmentId) });

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
