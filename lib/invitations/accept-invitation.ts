/**
 * The link in the email: what it invites to (preview) and accepting it. Only
 * the invited address may accept: a signed-in user with that email *whose email
 * is verified*, or a new account created for it (the link proves the mailbox,
 * so it is verified).
 *
 * Why verified (decision 0017): an account whose address was never proven may
 * belong to someone who registered a future hire's address first and kept a
 * session. The accept link is not taken as the proof that would verify it:
 * invitation links are forwarded and pasted more than sign-in links, live for a
 * week, and the squatter's own session would be the one presenting it. The
 * invited person verifies first (a verification or sign-in link: the shared
 * first-proof rule ends any squatter's password and sessions), then accepts.
 *
 * Single use: the invitation row is locked and claimed in the accepting
 * transaction, so of two simultaneous accepts exactly one wins.
 */
import { passwordProblems } from "@/lib/accounts/password-policy";
import { hashPassword } from "@/lib/auth/password-hash";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden } from "@/lib/http/errors";
import type { PublicContext } from "@/lib/http/handle";
import { validationFailed } from "@/lib/http/validation";
import type { AcceptInvitationInput, InvitationPreview } from "./schema";
import { blockTokenFor } from "./block-token";
import { maskEmail } from "./mask-email";
import { hashInvitationToken } from "./token";

type Status = InvitationPreview["status"];

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): Status {
  if (row.acceptedAt) return "ACCEPTED";
  if (row.revokedAt) return "REVOKED";
  if (row.expiresAt <= now) return "EXPIRED";
  return "PENDING";
}

const GONE_MESSAGE: Record<Exclude<Status, "PENDING">, string> = {
  ACCEPTED: "This invitation was already accepted. Sign in to open the organization.",
  REVOKED: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  EXPIRED: "This invitation has expired. Ask the person who invited you to send it again.",
};

export function invitationNotFound(): AppError {
  return new AppError("NOT_FOUND", "This invitation link is not valid. Check that you copied the whole link from the email.", { reason: "invitation_unknown" });
}

function gone(status: Exclude<Status, "PENDING">): AppError {
  return new AppError("GONE", GONE_MESSAGE[status], { reason: `invitation_${status.toLowerCase()}` });
}

function findByToken(token: string) {
  return getDb().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

export interface InvitationDetails extends InvitationPreview {
  /** The full invited address: only for the accept page to compare with the signed-in user. */
  fullEmail: string;
  /** For the accept page's "I don't know this organization" link (block-token.ts). */
  blockToken: string;
}

/** What a token invites to, in any state (the accept page explains each); null for an unknown token. */
export async function findInvitationByToken(token: string): Promise<InvitationDetails | null> {
  const row = await findByToken(token);
  if (!row) return null;
  return {
    organization: { name: row.organization.name, slug: row.organization.slug },
    role: row.role,
    email: maskEmail(row.email),
    fullEmail: row.email,
    blockToken: blockTokenFor(row.id),
    inviter: row.invitedBy ? { name: row.invitedBy.name } : null,
    expiresAt: row.expiresAt,
    status: statusOf(row),
  };
}

/** GET /api/v1/invitations/{token}: 404 for an unknown token, 410 for a used, revoked or expired one. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  const details = await findInvitationByToken(token);
  if (!details) throw invitationNotFound();
  if (details.status !== "PENDING") throw gone(details.status);
  const { fullEmail: _fullEmail, blockToken: _blockToken, ...preview } = details;
  return preview;
}

/**
 * Accepts the invitation for `user` (signed in) or for a new account made from
 * `input` (signed out). Records member.joined unless the user already belonged
 * to the organization, in which case the invitation is only marked accepted.
 */
export async function acceptInvitation(ctx: PublicContext, token: string, user: SessionUser | null, input: AcceptInvitationInput) {
  const found = await findByToken(token);
  if (!found) throw invitationNotFound();
  const state = statusOf(found);
  if (state !== "PENDING") throw gone(state);
  if (user && user.email.toLowerCase() !== found.email) {
    throw forbidden(`This invitation is for ${maskEmail(found.email)}, but you are signed in as ${user.email}. Sign out and open the link again.`);
  }
  if (user && !(await getDb().user.findUnique({ where: { id: user.id }, select: { emailVerified: true } }))?.emailVerified) {
    throw emailUnverified(user.email);
  }

  let newAccount: { name: string; passwordHash: string } | null = null;
  if (!user) {
    const issues = [];
    if (!input.name) issues.push({ path: "body.name", message: "Enter your name." });
    if (input.password === undefined) issues.push({ path: "body.password", message: "Choose a password." });
    else for (const message of passwordProblems(input.password, { email: found.email, name: input.name })) issues.push({ path: "body.password", message });
    if (issues.length > 0) throw validationFailed(issues);
    const existing = await getDb().user.findUnique({ where: { email: found.email }, select: { id: true } });
    if (existing) throw accountExists();
    newAccount = { name: input.name!, passwordHash: await hashPassword(input.password!) };
  }

  const organization = found.organization;
  try {
    const result = await getDb().$transaction(async (tx) => {
      // The organization row first (the order every invitation and membership writer uses), then the invitation.
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organization.id} FOR NO KEY UPDATE`;
      const [locked] = await tx.$queryRaw<Array<{ acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date; tokenHash: string }>>`
        SELECT "acceptedAt", "revokedAt", "expiresAt", "tokenHash" FROM "Invitation" WHERE id = ${found.id} FOR UPDATE`;
      // Accepted, revoked or resent (a new token) since it was read: this link no longer works.
      if (!locked || locked.tokenHash !== hashInvitationToken(token)) throw invitationNotFound();
      const lockedState = statusOf(locked);
      if (lockedState !== "PENDING") throw gone(lockedState);

      const now = new Date();
      const account = newAccount
        ? await tx.user.create({ data: { email: found.email, name: newAccount.name, passwordHash: newAccount.passwordHash, emailVerified: now }, select: { id: true, email: true } })
        : { id: user!.id, email: user!.email };
      const existing = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: organization.id, userId: account.id } }, select: { id: true, role: true } });
      const membership = existing ?? (await tx.membership.create({ data: { organizationId: organization.id, userId: account.id, role: found.role, status: "ACTIVE" }, select: { id: true, role: true } }));
      await tx.invitation.update({ where: { id: found.id }, data: { acceptedAt: now, acceptedByUserId: account.id } });
      if (!existing) {
        await recordEvent(tx, {
          organizationId: organization.id,
          type: "member.joined",
          actorId: account.id,
          subjectType: "membership",
          subjectId: membership.id,
          payload: { userId: account.id, role: membership.role, invitationId: found.id },
        });
      }
      return { organization, membership, user: account, accountCreated: Boolean(newAccount) };
    });
    ctx.log.info({ invitationId: found.id, userId: result.user.id, accountCreated: result.accountCreated }, "invitation accepted");
    return result;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw accountExists();
    throw error;
  }
}

/** Signed in with the invited address, never verified: verify first (see the header). */
export function emailUnverified(email: string): AppError {
  return new AppError(
    "FORBIDDEN",
    `Verify your email address before joining: we can send a verification link to ${email} from this page or your account page. Open it, then come back to this invitation.`,
    { reason: "email_unverified" },
  );
}

function accountExists(): AppError {
  return new AppError("CONFLICT", "An account with this email address already exists. Sign in to accept the invitation (with its password, or with a sign-in link we email you).", {
    reason: "account_exists",
  });
}
