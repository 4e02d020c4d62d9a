/** Shared set-up for the invitation tests: the routes, called like the browser does. */
import { POST as acceptRoute } from "@/app/api/v1/invitations/[token]/accept/route";
import { GET as previewRoute } from "@/app/api/v1/invitations/[token]/route";
import { POST as resendRoute } from "@/app/api/v1/o/[orgSlug]/invitations/[invitationId]/resend/route";
import { DELETE as revokeRoute } from "@/app/api/v1/o/[orgSlug]/invitations/[invitationId]/route";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/o/[orgSlug]/invitations/route";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "@/lib/invitations/token";
import { organizationWith } from "../members/members-fixture";
import { callRoute } from "../support/call-route";

/**
 * An organization whose people may send invitations: verified accounts older than a
 * day, so only the limits a test is about apply (unverified accounts cannot invite;
 * accounts younger than a day have a small daily cap).
 */
export async function inviters(...people: Parameters<typeof organizationWith>) {
  const made = await organizationWith(...people);
  await getDb().user.updateMany({
    where: { id: { in: made.members.map((member) => member.userId) } },
    data: { emailVerified: new Date(), createdAt: new Date(Date.now() - 30 * 24 * 3_600_000) },
  });
  return made;
}

export function invite(slug: string, cookie: string, body: unknown) {
  return callRoute(inviteRoute, { path: `/api/v1/o/${slug}/invitations`, params: { orgSlug: slug }, cookie, body });
}

export function listInvitations(slug: string, cookie: string, query = "") {
  return callRoute(listRoute, { path: `/api/v1/o/${slug}/invitations${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function resend(slug: string, invitationId: string, cookie: string) {
  return callRoute(resendRoute, { path: `/api/v1/o/${slug}/invitations/${invitationId}/resend`, params: { orgSlug: slug, invitationId }, cookie });
}

export function revoke(slug: string, invitationId: string, cookie: string) {
  return callRoute(revokeRoute, { path: `/api/v1/o/${slug}/invitations/${invitationId}`, params: { orgSlug: slug, invitationId }, cookie });
}

export function preview(token: string) {
  return callRoute(previewRoute, { path: `/api/v1/invitations/${token}`, params: { token } });
}

export function accept(token: string, options: { cookie?: string; body?: unknown; origin?: string | null } = {}) {
  return callRoute(acceptRoute, { path: `/api/v1/invitations/${token}/accept`, params: { token }, ...options });
}

/** An invitation row made directly (for expired or otherwise hand-built states), with its raw token. */
export async function invitationRow(organizationId: string, email: string, options: { role?: Role; expiresAt?: Date; revokedAt?: Date; invitedById?: string } = {}) {
  const token = newInvitationToken();
  const row = await getDb().invitation.create({
    data: {
      organizationId,
      email,
      role: options.role ?? "MEMBER",
      tokenHash: hashInvitationToken(token),
      expiresAt: options.expiresAt ?? invitationExpiry(),
      revokedAt: options.revokedAt,
      invitedById: options.invitedById,
    },
  });
  return { token, row };
}
