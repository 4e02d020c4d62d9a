import { OrgActivityFeed } from "@/components/dashboards/org-activity-feed";
import { isManagerRole } from "@/lib/authz/policy";
import { orgPage } from "@/lib/orgs/org-page";

/** The organization's activity feed, narrowed like the live stream (event.read is everyone's; the API picks what each sees). */
const page = orgPage({ path: "/o/[orgSlug]/activity", permission: "event.read", title: "Activity" }, ({ ctx }) => {
  const scope = isManagerRole(ctx.membership.role) ? `every assignment in ${ctx.organization.name}` : "the assignments you hold or mentor";
  return (
    <section aria-labelledby="activity-page-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="activity-page-heading" className="text-2xl font-semibold tracking-tight">
          Activity
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">What happened on {scope}, newest first. It updates as people work.</p>
      </div>
      <OrgActivityFeed slug={ctx.organization.slug} />
    </section>
  );
});

export const generateMetadata = page.generateMetadata;
export default page;
