import { assertTokenScope } from "@/lib/api-tokens/token-scope";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { forbidden } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { validationFailed } from "@/lib/http/validation";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { invitationEmailJob } from "./invitation-email";
import { invitationSelect, PENDING, toInvitationView } from "./invitation-row";
import { lockForInvitations } from "./lock-organization";
import { sortRecipients } from "./recipients";
import { inviteRefusal } from "./rules";
import type { CreateInvitationsInput, CreateInvitationsResult, NotInvited } from "./schema";
import { openSendLedger } from "./send-ledger";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "./token";

/**
 * Invites every valid, distinct address that is neither a member nor already
 * invited, in one transaction: each invitation row, its email job and (last)
 * its member.invited event. Malformed addresses, duplicates, members and
 * pending invitations are reported, not errors; only a list with no valid
 * address at all is refused (422, with the index of each bad entry). An
 * expired pending invitation is renewed (new link, new expiry) and counts as
 * invited. Each email counts against the sending limits (send-ledger.ts): an
 * address over a limit, or that declined this organization, is reported in
 * `notInvited` with the reason. An unverified inviter is refused (403).
 */
export async function createInvitations(ctx: OrgContext, input: CreateInvitationsInput): Promise<CreateInvitationsResult> {
  const organizationId = ctx.organization.id;
  const sorted = sortRecipients(input.emails);
  if (sorted.valid.length === 0) {
    throw validationFailed(sorted.invalid.map(({ index, reason }) => ({ path: `body.emails.${index}`, message: reason })));
  }
  const refusal = inviteRefusal(ctx.membership.role, input.role);
  if (refusal) throw forbidden(refusal);
  // A token also needs the scope of the permission the role was just checked for (decision 0032).
  if (input.role === "OWNER") assertTokenScope(ctx, "member.grantOwner");
  if (input.role === "ADMIN") assertTokenScope(ctx, "member.manageAdmins");

  const result = await getDb().$transaction(async (tx) => {
    const actorRole = await lockForInvitations(tx, ctx);
    const stillAllowed = inviteRefusal(actorRole, input.role);
    if (stillAllowed) throw forbidden(stillAllowed);

    const members = await tx.membership.findMany({ where: { organizationId, user: { email: { in: sorted.valid } } }, select: { user: { select: { email: true } } } });
    const memberEmails = new Set(members.map((member) => member.user.email.toLowerCase()));
    const pending = await tx.invitation.findMany({ where: { organizationId, email: { in: sorted.valid }, ...PENDING }, select: { id: true, email: true, expiresAt: true, sendCount: true } });
    const pendingByEmail = new Map(pending.map((row) => [row.email, row]));

    const now = new Date();
    const isPending = (email: string) => (pendingByEmail.get(email)?.expiresAt ?? now) > now;
    const toSend = sorted.valid.filter((email) => !memberEmails.has(email) && !isPending(email));
    // Also refuses an unverified inviter, even when there is nothing to send.
    const ledger = await openSendLedger(tx, { organizationId, inviterId: ctx.user.id, emails: toSend, now });

    const alreadyMember: string[] = [];
    const alreadyInvited: string[] = [];
    const notInvited: NotInvited[] = [];
    const invited: Array<{ id: string; email: string; sendNumber: number; token: string; renewed: boolean }> = [];
    for (const email of sorted.valid) {
      const existing = pendingByEmail.get(email);
      const refusal = toSend.includes(email) ? ledger.refusal(email) : null;
      if (memberEmails.has(email)) {
        alreadyMember.push(email);
      } else if (isPending(email)) {
        alreadyInvited.push(email);
      } else if (refusal) {
        notInvited.push({ email, reason: refusal.reason, message: refusal.message });
      } else {
        const token = newInvitationToken();
        const data = { role: input.role, tokenHash: hashInvitationToken(token), invitedById: ctx.user.id, expiresAt: invitationExpiry(now), lastSentAt: now };
        const row = existing
          ? await tx.invitation.update({ where: { id: existing.id }, data: { ...data, sendCount: { increment: 1 } }, select: { id: true, sendCount: true } })
          : await tx.invitation.create({ data: { ...data, organizationId, email }, select: { id: true, sendCount: true } });
        ledger.record(email, row.id);
        invited.push({ id: row.id, email, sendNumber: row.sendCount, token, renewed: Boolean(existing) });
      }
    }
    await ledger.save();

    for (const invitation of invited) {
      await enqueue(tx, invitationEmailJob, { invitationId: invitation.id, sendNumber: invitation.sendNumber, sealedToken: sealSecret(invitation.token) });
    }
    // Events last: recordEvent takes its turn on the organization's counter (decision 0005).
    for (const invitation of invited) {
      await recordEvent(tx, {
        organizationId,
        type: "member.invited",
        actorId: ctx.user.id,
        subjectType: "invitation",
        subjectId: invitation.id,
        payload: { email: invitation.email, role: input.role, ...(invitation.renewed && { renewed: true }) },
      });
    }
    const rows = await tx.invitation.findMany({ where: { id: { in: invited.map((invitation) => invitation.id) } }, select: invitationSelect });
    const order = new Map(invited.map((invitation, index) => [invitation.id, index]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { invited: rows.map((row) => toInvitationView(row, now)), alreadyMember, alreadyInvited, notInvited };
  });

  ctx.log.info(
    {
      invited: result.invited.length,
      alreadyMember: result.alreadyMember.length,
      alreadyInvited: result.alreadyInvited.length,
      notInvited: result.notInvited.map((entry) => entry.reason),
      invalid: sorted.invalid.length,
      role: input.role,
    },
    "invitations sent",
  );
  return { ...result, duplicates: sorted.duplicates, invalid: sorted.invalid };
}
