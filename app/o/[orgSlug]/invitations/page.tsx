import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { emailVerifiedAt } from "@/lib/accounts/email-verification";
import { can } from "@/lib/authz/policy";
import { invitableRoles } from "@/lib/invitations/rules";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Invitations · ${access.organization.name}` : "Invitations" };
}

export default async function InvitationsPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/invitations`);
  if (access.suspended) return null; // the layout explains
  // Only owners and admins see the tab; for anyone else the page does not exist.
  if (!can(access.membership.role, "member.invite")) notFound();
  // Unverified accounts cannot send invitations (decision 0019): the panel says so up front.
  const verified = (await emailVerifiedAt(access.user.id)) !== null;
  return <InvitationsPanel slug={access.organization.slug} roles={invitableRoles(access.membership.role)} verified={verified} />;
}
