import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ManagerDashboard } from "@/components/dashboards/manager-dashboard";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Dashboard · ${access.organization.name}` : "Dashboard" };
}

/** The manager's overview of every active assignment ("dashboard.read": owners and admins). */
export default async function DashboardPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  // Signing in brings the visitor back to the same filters.
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item]))).toString();
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/dashboard${query ? `?${query}` : ""}`);
  if (access.suspended) return null; // the layout explains
  if (!can(access.membership.role, "dashboard.read")) notFound();
  return (
    <section aria-labelledby="dashboard-page-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="dashboard-page-heading" className="text-2xl font-semibold tracking-tight">
          Dashboard
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">Every active assignment in {access.organization.name}: progress, forecasts, flags and where people stall. It updates as they work.</p>
      </div>
      <ManagerDashboard slug={access.organization.slug} />
    </section>
  );
}
