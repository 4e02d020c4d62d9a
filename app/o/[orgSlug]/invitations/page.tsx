import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { emailVerifiedAt } from "@/lib/accounts/email-verification";
import { invitableRoles } from "@/lib/invitations/rules";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

/** Only owners and admins see the tab; for anyone else the page does not exist. */
const page = orgPage({ path: "/o/[orgSlug]/invitations", permission: "member.invite", title: orgTitle("Invitations") }, async ({ ctx }) => {
  // Unverified accounts cannot send invitations (decision 0019): the panel says so up front.
  const verified = (await emailVerifiedAt(ctx.user.id)) !== null;
  return <InvitationsPanel slug={ctx.organization.slug} roles={invitableRoles(ctx.membership.role)} verified={verified} />;
});

export const generateMetadata = page.generateMetadata;
export default page;
