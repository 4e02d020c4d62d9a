import { MembersDirectory } from "@/components/members/members-directory";
import { can } from "@/lib/authz/policy";
import { countActiveOwners } from "@/lib/members/member-summary";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

const page = orgPage(
  // Signing in brings the visitor back to the same search and filters.
  { path: "/o/[orgSlug]/members", permission: "member.read", returnQuery: "all", title: orgTitle("Members") },
  async ({ ctx }) => {
    const viewer = { membershipId: ctx.membership.id, role: ctx.membership.role, activeOwnerCount: await countActiveOwners(ctx.organization.id) };
    return <MembersDirectory slug={ctx.organization.slug} organizationName={ctx.organization.name} viewer={viewer} canInvite={can(ctx.membership.role, "member.invite")} />;
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
