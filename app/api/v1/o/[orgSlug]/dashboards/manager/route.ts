import { managerDashboardEndpoint } from "@/lib/dashboards/endpoints";
import { managerDashboard } from "@/lib/dashboards/manager-dashboard";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(managerDashboardEndpoint, async ({ ctx, query }) => managerDashboard(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
