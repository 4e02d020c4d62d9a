import { listActivity } from "@/lib/events/activity";
import { listActivityEndpoint } from "@/lib/events/endpoints";
import { handle } from "@/lib/http/handle";

export const GET = handle(listActivityEndpoint, async ({ ctx, query }) => listActivity(ctx, query));
