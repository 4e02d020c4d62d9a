import { mentorDashboardEndpoint } from "@/lib/dashboards/endpoints";
import { mentorDashboard } from "@/lib/dashboards/mentor-dashboard";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(mentorDashboardEndpoint, async ({ ctx }) => mentorDashboard(ctx));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
