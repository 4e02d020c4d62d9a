import { PeopleSummary } from "@/components/home/people-summary";
import { SetupChecklist } from "@/components/home/setup-checklist";
import { can } from "@/lib/authz/policy";
import { memberSummary } from "@/lib/members/member-summary";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";
import { setupProgress } from "@/lib/orgs/setup-progress";

const ROLE_PHRASE = { OWNER: "You own this organization", ADMIN: "You are an admin here", MENTOR: "You are a mentor here", MEMBER: "You are a new hire here" } as const;

/**
 * The owners' and admins' setup page (the "Setup" tab, decision 0039): the checklist of a
 * first run, computed from the organization's rows, and its people. /o/{slug} leads here
 * until setup is complete, to the dashboard after; the page stays for the people summary.
 */
const page = orgPage({ path: "/o/[orgSlug]/setup", permission: "dashboard.read", title: orgTitle("Setup") }, async ({ ctx }) => {
  const slug = ctx.organization.slug;
  const [checklist, summary] = await Promise.all([setupProgress(ctx), memberSummary(ctx.organization.id)]);
  return (
    <>
      <p className="text-sm font-medium text-primary">{ROLE_PHRASE[ctx.membership.role]}</p>
      <h1 className="mt-1 mb-6 text-3xl font-semibold tracking-tight break-words">{ctx.organization.name}</h1>
      <SetupChecklist checklist={checklist} dashboardHref={`/o/${slug}/dashboard`} />
      <PeopleSummary slug={slug} summary={summary} canInvite={can(ctx.membership.role, "member.invite")} />
    </>
  );
});

export const generateMetadata = page.generateMetadata;
export default page;
