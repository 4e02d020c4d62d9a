import { defineEndpoint } from "@/lib/http/endpoint";
import { INVITATION_ACCEPT_RATE_LIMITS, INVITATION_BLOCK_RATE_LIMITS, INVITATION_RATE_LIMITS, INVITATION_RESEND_RATE_LIMITS, INVITATION_SEND_LIMITS } from "@/lib/security/limits";
import {
  acceptInvitationResultSchema,
  acceptInvitationSchema,
  blockInvitationsResultSchema,
  blockInvitationsSchema,
  createInvitationsResultSchema,
  createInvitationsSchema,
  invitationPageSchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationsParamsSchema,
  invitationTokenParamsSchema,
  listInvitationsQuerySchema,
  revokedInvitationSchema,
} from "./schema";

const ROLE_RULE = "Owners invite with any role; admins invite mentors and new hires only (403 otherwise).";
const { perRecipientPerDay, perOrganizationRecipient, newAccount } = INVITATION_SEND_LIMITS;
const SEND_LIMITS = `An unverified account cannot invite (403, \`details.reason\` \`email_unverified\`). Each email counts against the sending limits: ${perRecipientPerDay} invitation emails per address in 24 hours from all organizations together, ${perOrganizationRecipient.sends} per address from one organization in ${perOrganizationRecipient.windowHours / 24} days, and ${newAccount.perDay} in 24 hours from an account younger than ${newAccount.accountAgeHours} hours; an address that chose "I don't know this organization" gets none from it.`;

export const createInvitationsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/invitations",
  operationId: "createInvitations",
  summary: "Invite people by email",
  description: `Emails each address a single-use link, valid for 7 days, to join with \`role\`. Duplicates, existing members, addresses with a pending invitation, addresses a sending limit or a block refuses (\`notInvited\`, with the reason) and malformed entries are reported in the answer, not refused; a list with no valid address is 422 with a path per entry (\`body.emails.2\`). ${ROLE_RULE} ${SEND_LIMITS} Records member.invited per invitation.`,
  tags: ["Invitations"],
  auth: "session",
  permission: "member.invite",
  params: invitationsParamsSchema,
  body: createInvitationsSchema,
  bodyLimitBytes: 32 * 1024,
  rateLimits: INVITATION_RATE_LIMITS,
  response: { status: 200, description: "What happened to each address.", schema: createInvitationsResultSchema },
});

export const listInvitationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/invitations",
  operationId: "listInvitations",
  summary: "List pending invitations",
  description: "Invitations neither accepted nor revoked, newest first, a page at a time; expired ones are included with `expired: true`.",
  tags: ["Invitations"],
  auth: "session",
  permission: "member.invite",
  params: invitationsParamsSchema,
  query: listInvitationsQuerySchema,
  response: { status: 200, description: "One page of pending invitations.", schema: invitationPageSchema },
});

export const resendInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/invitations/{invitationId}/resend",
  operationId: "resendInvitation",
  summary: "Resend an invitation",
  description: `Emails a new link with a new 7-day expiry; the previous link stops working. An accepted or revoked invitation is 409. ${ROLE_RULE} ${SEND_LIMITS} Over a sending limit: 429 with Retry-After and \`details.reason\`. Records member.invitation_resent.`,
  tags: ["Invitations"],
  auth: "session",
  permission: "member.invite",
  params: invitationParamsSchema,
  rateLimits: INVITATION_RESEND_RATE_LIMITS,
  response: { status: 200, description: "The invitation as renewed.", schema: invitationSchema },
  errors: ["FORBIDDEN", "CONFLICT"],
});

export const revokeInvitationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/invitations/{invitationId}",
  operationId: "revokeInvitation",
  summary: "Revoke an invitation",
  description: `Its link stops working. Revoking a revoked invitation is a no-op; an accepted one is 409. ${ROLE_RULE} Records member.invitation_revoked.`,
  tags: ["Invitations"],
  auth: "session",
  permission: "member.invite",
  params: invitationParamsSchema,
  response: { status: 200, description: "The invitation is revoked.", schema: revokedInvitationSchema },
  errors: ["CONFLICT"],
});

export const previewInvitationEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/invitations/{token}",
  operationId: "previewInvitation",
  summary: "What an invitation link invites to",
  description: "For the token in an invitation email: the organization, role, inviter, expiry and the (partly masked) invited address. 404 for an unknown token; 410 GONE for an accepted, revoked or expired one (`details.reason` says which).",
  tags: ["Invitations"],
  auth: "public",
  params: invitationTokenParamsSchema,
  response: { status: 200, description: "The pending invitation.", schema: invitationPreviewSchema },
  errors: ["GONE"],
});

export const acceptInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invitations/{token}/accept",
  operationId: "acceptInvitation",
  summary: "Accept an invitation",
  description:
    "Signed in as the invited address, verified: joins the organization with the invited role (already a member: only marks the invitation accepted); not verified: 403 with `details.reason` `email_unverified` (verify the address first). Signed out: `name` and `password` create the account for the invited address (verified, since the link proves the mailbox) and join; then sign in. Signed in as another address: 403. Single use; 404 for an unknown token, 410 for an accepted, revoked or expired one, 409 when signed out and the address already has an account. Records member.joined.",
  tags: ["Invitations"],
  auth: "public",
  params: invitationTokenParamsSchema,
  body: acceptInvitationSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: INVITATION_ACCEPT_RATE_LIMITS,
  response: { status: 200, description: "The membership the invitation created.", schema: acceptInvitationResultSchema },
  errors: ["FORBIDDEN", "CONFLICT", "GONE"],
});

export const blockInvitationsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invitation-blocks",
  operationId: "blockInvitations",
  summary: "Stop an organization's invitations to my address",
  description:
    "\"I don't know this organization\": `token` comes from the link in an invitation email (no account or session needed). The invited address receives no more invitations from that organization (inviting it reports `declined`), and its pending invitation from it is withdrawn. Idempotent. 404 for a link that is not valid. Records member.invitation_declined.",
  tags: ["Invitations"],
  auth: "public",
  body: blockInvitationsSchema,
  bodyLimitBytes: 1024,
  rateLimits: INVITATION_BLOCK_RATE_LIMITS,
  response: { status: 200, description: "The organization can no longer invite the address.", schema: blockInvitationsResultSchema },
});
