import { listNotificationsEndpoint } from "@/lib/notifications/endpoints";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { handle } from "@/lib/http/handle";

export const GET = handle(listNotificationsEndpoint, async ({ ctx, query }) => listNotifications(ctx, query));
