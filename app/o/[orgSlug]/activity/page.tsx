import type { Metadata } from "next";
import { OrgActivityFeed } from "@/components/dashboards/org-activity-feed";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";
import { isManagerRole } from "@/lib/authz/policy";

type Params = { params: Promise<{ orgSlug: string }> };

export const metadata: Metadata = { title: "Activity" };

/** The organization's activity feed, narrowed like the live stream (event.read is everyone's; the API picks what each sees). */
export default async function ActivityPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/activity`);
  if (access.suspended) return null; // the layout explains
  const scope = isManagerRole(access.membership.role) ? `every assignment in ${access.organization.name}` : "the assignments you hold or mentor";
  return (
    <section aria-labelledby="activity-page-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="activity-page-heading" className="text-2xl font-semibold tracking-tight">
          Activity
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">What happened on {scope}, newest first. It updates as people work.</p>
      </div>
      <OrgActivityFeed slug={access.organization.slug} />
    </section>
  );
}
