import { mentorDashboardEndpoint } from "@/lib/dashboards/endpoints";
import { mentorDashboard } from "@/lib/dashboards/mentor-dashboard";
import { handle } from "@/lib/http/handle";

export const GET = handle(mentorDashboardEndpoint, async ({ ctx }) => mentorDashboard(ctx));
