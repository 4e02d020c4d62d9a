import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { emailVerifiedAt } from "@/lib/accounts/email-verification";
import { invitableRoles } from "@/lib/invitations/rules";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

/** Only owners and admins see the tab; for anyone else the page does not exist. */
const page = orgPage(
  // ?invite=1 (the setup checklist's and Members' "Invite people") opens the dialog at once.
  { path: "/o/[orgSlug]/invitations", permission: "member.invite", returnQuery: (searchParams) => (searchParams.invite === "1" ? "invite=1" : ""), title: orgTitle("Invitations") },
  async ({ ctx, searchParams }) => {
  // Unverified accounts cannot send invitations (decision 0019): the panel says so up front.
  const verified = (await emailVerifiedAt(ctx.user.id)) !== null;
  return <InvitationsPanel slug={ctx.organization.slug} roles={invitableRoles(ctx.membership.role)} verified={verified} startInviting={searchParams.invite === "1"} />;
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
