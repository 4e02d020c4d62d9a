import { managerDashboardEndpoint } from "@/lib/dashboards/endpoints";
import { managerDashboard } from "@/lib/dashboards/manager-dashboard";
import { handle } from "@/lib/http/handle";

export const GET = handle(managerDashboardEndpoint, async ({ ctx, query }) => managerDashboard(ctx, query));
