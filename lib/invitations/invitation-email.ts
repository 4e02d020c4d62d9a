/**
 * The job that emails an invitation link. Its payload names the invitation and
 * carries the raw token sealed (lib/jobs/sealed-secret.ts): the database only
 * holds the token's hash. Safe to run twice: the idempotency key is the
 * invitation id and its send number. It sends nothing when the link could no
 * longer work: accepted, revoked, expired, or superseded by a resend.
 */
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { invitationEmail } from "@/lib/email/templates/invitation";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";
import { ROLE_LABEL } from "@/lib/members/labels";
import { blockUrlFor } from "./block-token";
import { hashInvitationToken } from "./token";

export function acceptUrlFor(token: string): string {
  return new URL(`/invitations/${token}`, getConfig().NEXTAUTH_URL).toString();
}

export const invitationEmailJob = defineJob({
  name: "invitation.email",
  payload: z.strictObject({ invitationId: z.string().min(1), sendNumber: z.number().int().min(1), sealedToken: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ invitationId, sendNumber, sealedToken }, { log }) {
    const invitation = await getDb().invitation.findUnique({
      where: { id: invitationId },
      select: {
        email: true,
        role: true,
        tokenHash: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    });
    const token = openSealedSecret(sealedToken);
    const state = !invitation
      ? "deleted"
      : invitation.acceptedAt
        ? "accepted"
        : invitation.revokedAt
          ? "revoked"
          : invitation.expiresAt <= new Date()
            ? "expired"
            : invitation.tokenHash !== hashInvitationToken(token)
              ? "superseded"
              : "pending";
    if (!invitation || state !== "pending") {
      log.info({ invitationId, sendNumber, state }, "invitation email skipped: the link can no longer be used");
      return;
    }
    await deliverEmail(
      {
        kind: "invitation",
        to: invitation.email,
        idempotencyKey: `invitation/${invitationId}/${sendNumber}`,
        ...invitationEmail({
          organizationName: invitation.organization.name,
          inviterName: invitation.invitedBy?.name ?? null,
          roleLabel: ROLE_LABEL[invitation.role],
          acceptUrl: acceptUrlFor(token),
          blockUrl: blockUrlFor(invitationId),
          expiresAt: invitation.expiresAt,
        }),
      },
      log,
    );
  },
});
