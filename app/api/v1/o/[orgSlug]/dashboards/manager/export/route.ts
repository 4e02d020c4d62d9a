import { managerCsv } from "@/lib/dashboards/manager-csv";
import { managerDashboardCsvEndpoint } from "@/lib/dashboards/endpoints";
import { managerRows } from "@/lib/dashboards/manager-dashboard";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(managerDashboardCsvEndpoint, async ({ ctx, query }) => {
  const dashboard = await managerRows(ctx, query);
  const filename = `cairn-${ctx.organization.slug}-dashboard-${dashboard.today}.csv`;
  return new Response(managerCsv(dashboard.rows), {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
