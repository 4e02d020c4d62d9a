import { markNotificationsReadEndpoint } from "@/lib/notifications/endpoints";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";
import { handle } from "@/lib/http/handle";

export const POST = handle(markNotificationsReadEndpoint, async ({ ctx, body }) => markNotificationsRead(ctx, body));
