import { markNotificationsReadEndpoint } from "@/lib/notifications/endpoints";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(markNotificationsReadEndpoint, async ({ ctx, body }) => markNotificationsRead(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
