import { listNotificationsEndpoint } from "@/lib/notifications/endpoints";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listNotificationsEndpoint, async ({ ctx, query }) => listNotifications(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
