import { listActivity } from "@/lib/events/activity";
import { listActivityEndpoint } from "@/lib/events/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listActivityEndpoint, async ({ ctx, query }) => listActivity(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
