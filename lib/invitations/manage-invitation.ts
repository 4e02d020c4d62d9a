import type { DbClient } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { invitationEmailJob } from "./invitation-email";
import { invitationSelect, toInvitationView } from "./invitation-row";
import { lockForInvitations } from "./lock-organization";
import { inviteRefusal } from "./rules";
import { openSendLedger } from "./send-ledger";
import type { SendRefusal } from "./send-rules";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "./token";

/** The organization's invitation, locked; another organization's id reads like one that never existed. */
async function lockedInvitation(tx: DbClient, ctx: OrgContext, invitationId: string) {
  const actorRole = await lockForInvitations(tx, ctx);
  const invitation = await tx.invitation.findFirst({
    where: { id: invitationId, organizationId: ctx.organization.id },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation) throw notFound("invitation");
  // Whoever may not invite with a role may not resend or revoke such an invitation either.
  const refusal = inviteRefusal(actorRole, invitation.role);
  if (refusal) throw forbidden(refusal);
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation was already accepted.", { reason: "invitation_accepted" });
  return invitation;
}

/** A resend the sending limits refuse: 429 with when to try again, or 409 when the address declined the organization. */
function sendRefused(refusal: SendRefusal): AppError {
  const message = `Not sent: ${refusal.message.charAt(0).toLowerCase()}${refusal.message.slice(1)}`;
  if (refusal.retryAfterSeconds === undefined) return new AppError("CONFLICT", message, { reason: refusal.reason });
  return new AppError("RATE_LIMITED", message, { reason: refusal.reason, retryAfterSeconds: refusal.retryAfterSeconds });
}

/**
 * Sends the invitation again with a new link and a new 7-day expiry; the old
 * link stops working (its hash is replaced). Counts against the sending limits
 * (send-ledger.ts); an unverified inviter is refused (403). Records
 * member.invitation_resent.
 */
export async function resendInvitation(ctx: OrgContext, invitationId: string) {
  const token = newInvitationToken();
  const now = new Date();
  const row = await getDb().$transaction(async (tx) => {
    const invitation = await lockedInvitation(tx, ctx, invitationId);
    if (invitation.revokedAt) throw new AppError("CONFLICT", "This invitation was revoked; invite the address again instead.", { reason: "invitation_revoked" });
    const ledger = await openSendLedger(tx, { organizationId: ctx.organization.id, inviterId: ctx.user.id, emails: [invitation.email], now });
    const refusal = ledger.refusal(invitation.email);
    if (refusal) throw sendRefused(refusal);
    ledger.record(invitation.email, invitation.id);
    await ledger.save();
    const updated = await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashInvitationToken(token), expiresAt: invitationExpiry(now), lastSentAt: now, sendCount: { increment: 1 } },
      select: { ...invitationSelect, sendCount: true },
    });
    await enqueue(tx, invitationEmailJob, { invitationId: invitation.id, sendNumber: updated.sendCount, sealedToken: sealSecret(token) });
    await recordEvent(tx, {
      organizationId: ctx.organization.id,
      type: "member.invitation_resent",
      actorId: ctx.user.id,
      subjectType: "invitation",
      subjectId: invitation.id,
      payload: { email: invitation.email, role: invitation.role },
    });
    return updated;
  });
  ctx.log.info({ invitationId }, "invitation resent");
  const { sendCount: _sendCount, ...view } = row;
  return toInvitationView(view, now);
}

/** Revokes a pending invitation: its link stops working. Revoking twice is a no-op. Records member.invitation_revoked. */
export async function revokeInvitation(ctx: OrgContext, invitationId: string) {
  await getDb().$transaction(async (tx) => {
    const invitation = await lockedInvitation(tx, ctx, invitationId);
    if (invitation.revokedAt) return;
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, {
      organizationId: ctx.organization.id,
      type: "member.invitation_revoked",
      actorId: ctx.user.id,
      subjectType: "invitation",
      subjectId: invitation.id,
      payload: { email: invitation.email, role: invitation.role },
    });
  });
  ctx.log.info({ invitationId }, "invitation revoked");
  return { id: invitationId, revoked: true as const };
}
