import { ManagerDashboard } from "@/components/dashboards/manager-dashboard";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

/** The manager's overview of every active assignment ("dashboard.read": owners and admins). */
const page = orgPage(
  // Signing in brings the visitor back to the same filters.
  { path: "/o/[orgSlug]/dashboard", permission: "dashboard.read", returnQuery: "all", title: orgTitle("Dashboard") },
  ({ ctx }) => (
    <section aria-labelledby="dashboard-page-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="dashboard-page-heading" className="text-2xl font-semibold tracking-tight">
          Dashboard
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">Every active assignment in {ctx.organization.name}: progress, forecasts, flags and where people stall. It updates as they work.</p>
      </div>
      <ManagerDashboard slug={ctx.organization.slug} />
    </section>
  ),
);

export const generateMetadata = page.generateMetadata;
export default page;
