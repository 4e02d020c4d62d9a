import { MenteesDashboard } from "@/components/dashboards/mentees-dashboard";
import { orgPage } from "@/lib/orgs/org-page";

/** The mentor's dashboard: their mentees' progress and flags, and what happened lately, live. */
const page = orgPage({ path: "/o/[orgSlug]/mentees", permission: "evidence.review", title: "Mentees" }, ({ ctx }) => (
  <section aria-labelledby="mentees-page-heading" className="flex flex-col gap-5">
    <div>
      <h1 id="mentees-page-heading" className="text-2xl font-semibold tracking-tight">
        Mentees
      </h1>
      <p className="mt-1 text-sm text-muted-foreground">Who needs you now: flags first, then everyone you mentor in {ctx.organization.name}. It updates as they work.</p>
    </div>
    <MenteesDashboard slug={ctx.organization.slug} />
  </section>
));

export const generateMetadata = page.generateMetadata;
export default page;
