import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { BlockOrganizationButton } from "@/components/invitations/block-organization";
import { findBlockTarget } from "@/lib/invitations/block-organization";

export const metadata: Metadata = { title: "Stop invitations", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * The "I don't know this organization" link of an invitation email. Works without
 * an account or a session. Opening it changes nothing (mail scanners open links);
 * the button does.
 */
export default async function BlockInvitationsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = token.length <= 200 ? await findBlockTarget(token) : null;
  if (!target) {
    return (
      <AuthCard title="Link not valid" description="This link is not valid. Check that you copied the whole link from the email.">
        <Link href="/" className="text-sm text-link underline underline-offset-2">
          Go to Cairn
        </Link>
      </AuthCard>
    );
  }
  const name = target.organization.name;
  if (target.blocked) {
    return (
      <AuthCard title="Invitations stopped" description={`“${name}” can no longer invite ${target.email}. You do not need to do anything else.`}>
        <Link href="/" className="text-sm text-link underline underline-offset-2">
          Go to Cairn
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Stop these invitations?"
      description={`Someone using Cairn invited ${target.email} to an organization named “${name}”. If you don’t know it, Cairn will send this address no more invitations from it, and withdraw the one you received.`}
    >
      <BlockOrganizationButton token={token} organizationName={name} email={target.email} />
    </AuthCard>
  );
}
