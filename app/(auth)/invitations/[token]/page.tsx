import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { AcceptSignUpForm, JoinButton, SignOutAndRetry } from "@/components/invitations/accept-invitation";
import { emailVerifiedAt } from "@/lib/accounts/email-verification";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findInvitationByToken } from "@/lib/invitations/accept-invitation";
import { invitationTokenParamsSchema } from "@/lib/invitations/schema";
import { ROLE_LABEL } from "@/lib/members/labels";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const GONE: Record<"ACCEPTED" | "REVOKED" | "EXPIRED", { title: string; description: string }> = {
  ACCEPTED: { title: "Invitation already used", description: "This invitation was already accepted. Sign in to open the organization." },
  REVOKED: { title: "Invitation withdrawn", description: "This invitation was revoked. Ask the person who invited you for a new one." },
  EXPIRED: { title: "Invitation expired", description: "This invitation has expired. Ask the person who invited you to send it again." },
};

/** The link in an invitation email: who invites you where, and the way to accept that fits who you are. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const details = invitationTokenParamsSchema.safeParse({ token }).success ? await findInvitationByToken(token) : null;
  if (!details) {
    return (
      <AuthCard title="Invitation not found" description="This invitation link is not valid. Check that you copied the whole link from the email.">
        <Link href="/" className="text-sm text-link underline underline-offset-2">
          Go to Cairn
        </Link>
      </AuthCard>
    );
  }
  if (details.status !== "PENDING") {
    const gone = GONE[details.status];
    return (
      <AuthCard title={gone.title} description={gone.description}>
        <Link href="/sign-in" className="text-sm text-link underline underline-offset-2">
          Sign in
        </Link>
      </AuthCard>
    );
  }

  const user = await getCurrentUser();
  const { organization } = details;
  const inviter = details.inviter?.name ?? "Someone";
  const role = ROLE_LABEL[details.role].toLowerCase();
  const description = `${inviter} invited you to join ${organization.name} as ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}.`;
  const title = `Join ${organization.name}`;

  if (user && user.email.toLowerCase() !== details.fullEmail) {
    return (
      <AuthCard title={title} description={description}>
        <div className="flex flex-col gap-4 text-sm">
          <p role="alert">
            This invitation is for <strong>{details.fullEmail}</strong>, but you are signed in as <strong>{user.email}</strong>. Sign out and open the link again to accept it with the invited address.
          </p>
          <SignOutAndRetry token={token} />
        </div>
      </AuthCard>
    );
  }

  const stopLink = (
    <p className="mt-6 text-sm text-muted-foreground">
      Don’t know this organization?{" "}
      <Link href={`/invitations/block/${details.blockToken}`} className="text-link underline underline-offset-2">
        Stop its invitations
      </Link>
    </p>
  );

  // Signed in with the invited address but never verified: verify first (lib/invitations/accept-invitation.ts says why).
  if (user && !(await emailVerifiedAt(user.id))) {
    return (
      <AuthCard title={title} description={description}>
        <div className="flex flex-col gap-4 text-sm">
          <p role="alert">
            You are signed in as <strong>{user.email}</strong>, which is not verified yet. Verify it before joining: open the link we email you, then
            come back to this invitation.
          </p>
          <VerifyEmailBanner email={user.email} buttonLabel="Email me a verification link" />
        </div>
        {stopLink}
      </AuthCard>
    );
  }

  return (
    <AuthCard title={title} description={description}>
      {user ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted-foreground">You are signed in as {user.email}.</p>
          <JoinButton token={token} organizationName={organization.name} />
        </div>
      ) : (
        <AcceptSignUpForm token={token} email={details.fullEmail} organizationName={organization.name} />
      )}
      {stopLink}
    </AuthCard>
  );
}
