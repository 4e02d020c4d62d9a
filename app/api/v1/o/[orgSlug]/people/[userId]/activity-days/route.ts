import { activityDays } from "@/lib/events/activity-days";
import { personActivityDaysEndpoint } from "@/lib/events/endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(personActivityDaysEndpoint, async ({ ctx, params, query }) => activityDays(ctx, params.userId, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
