/**
 * "I don't know this organization": the link in every invitation email
 * (block-token.ts) leads to a page whose one button calls blockOrganization. No
 * account or session is needed: the token is the proof of having received the
 * email. The address then receives no more invitations from that organization
 * (InvitationBlock, checked by the sending limits), and its pending invitation
 * from it is withdrawn. The page itself changes nothing (mail scanners open
 * links); only the button's POST does.
 */
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError } from "@/lib/http/errors";
import type { PublicContext } from "@/lib/http/handle";
import { invitationIdFromBlockToken } from "./block-token";
import { PENDING } from "./invitation-row";
import { maskEmail } from "./mask-email";
import { recipientHash } from "./recipient-hash";

export function blockLinkNotFound(): AppError {
  return new AppError("NOT_FOUND", "This link is not valid. Check that you copied the whole link from the email.", { reason: "block_link_unknown" });
}

export interface BlockTarget {
  organization: { name: string };
  /** The invited address, partly masked. */
  email: string;
  /** Whether the address already blocked this organization. */
  blocked: boolean;
}

async function findTarget(token: string) {
  const invitationId = invitationIdFromBlockToken(token);
  if (!invitationId) return null;
  return getDb().invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, organizationId: true, organization: { select: { name: true } } },
  });
}

/** What the link blocks, for its page; null for a link that is not valid. Reads only. */
export async function findBlockTarget(token: string): Promise<BlockTarget | null> {
  const invitation = await findTarget(token);
  if (!invitation) return null;
  const block = await getDb().invitationBlock.findUnique({
    where: { organizationId_recipientHash: { organizationId: invitation.organizationId, recipientHash: recipientHash(invitation.email) } },
    select: { createdAt: true },
  });
  return { organization: invitation.organization, email: maskEmail(invitation.email), blocked: Boolean(block) };
}

/**
 * Blocks the organization for the address and revokes its pending invitations
 * from it, recording member.invitation_declined (no actor: the invitee has no
 * account there). Idempotent: a second call changes nothing and records nothing.
 */
export async function blockOrganization(ctx: PublicContext, token: string) {
  const invitation = await findTarget(token);
  if (!invitation) throw blockLinkNotFound();
  const { organizationId, email } = invitation;
  const result = await getDb().$transaction(async (tx) => {
    // The organization's row first, as every writer of its invitations does (lock-organization.ts).
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR NO KEY UPDATE`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "InvitationBlock" ("organizationId", "recipientHash") VALUES (${organizationId}, ${recipientHash(email)})
      ON CONFLICT DO NOTHING`;
    const pending = await tx.invitation.findMany({ where: { organizationId, email, ...PENDING }, select: { id: true, role: true } });
    const now = new Date();
    if (pending.length > 0) await tx.invitation.updateMany({ where: { id: { in: pending.map((row) => row.id) } }, data: { revokedAt: now } });
    if (inserted > 0 || pending.length > 0) {
      await recordEvent(tx, {
        organizationId,
        type: "member.invitation_declined",
        actorId: null,
        subjectType: "invitation",
        subjectId: invitation.id,
        payload: { email, revokedInvitationIds: pending.map((row) => row.id) },
      });
    }
    return { newlyBlocked: inserted > 0, revoked: pending.length };
  });
  ctx.log.info({ invitationId: invitation.id, organizationId, ...result }, "invitations blocked by the recipient");
  return { organization: invitation.organization, email: maskEmail(email), blocked: true as const, invitationsRevoked: result.revoked };
}
