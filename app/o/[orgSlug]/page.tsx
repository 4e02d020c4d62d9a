import { redirect } from "next/navigation";
import { isManagerRole } from "@/lib/authz/policy";
import { orgPage } from "@/lib/orgs/org-page";
import { setupProgress } from "@/lib/orgs/setup-progress";
import { homePath } from "@/lib/orgs/setup-steps";

/**
 * Where sign-in, sign-up, invitations and the organization list lead: each member's own home
 * (decision 0039). Hires go to My work, mentors to their mentees, owners and admins to the
 * setup checklist until it is done and to the dashboard after. A server redirect (307), so
 * the back button skips this address instead of bouncing on it.
 */
const page = orgPage(
  { path: "/o/[orgSlug]", permission: "org.read", title: ({ ctx }) => ctx?.organization.name ?? "Organization" },
  async ({ ctx }) => {
    const role = ctx.membership.role;
    const complete = isManagerRole(role) ? (await setupProgress(ctx)).complete : false;
    redirect(homePath(ctx.organization.slug, role, complete));
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
