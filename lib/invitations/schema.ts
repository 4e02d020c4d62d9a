import { z } from "zod";
import { pageQueryFields } from "@/lib/http/pagination";
import { PASSWORD_MAX_LENGTH } from "@/lib/accounts/password-policy";
import { personNameSchema } from "@/lib/accounts/schema";
import { roleSchema } from "@/lib/members/schema";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { INVITATIONS_PER_REQUEST, splitEmailList } from "./recipients";
import { INVITATION_SEND_LIMITS as LIMITS } from "@/lib/security/limits";
import { SEND_REFUSAL_REASONS } from "./send-rules";

export const INVITATIONS_PAGE_DEFAULT = 25;
export const INVITATIONS_PAGE_MAX = 100;

export const invitationsParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });
/** An id that cannot exist fails here and answers 404, like one of another organization. */
export const invitationParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, invitationId: z.cuid() });
/** A token that cannot be one we issued (43 base64url characters) answers 404 like an unknown one. */
export const invitationTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

const entrySchema = z.string().max(320, "An entry has at most 320 characters.");

/**
 * The recipients: a list of addresses, or one pasted text that is split on commas,
 * semicolons, spaces and newlines. Each entry is checked by the service, which
 * reports malformed ones instead of refusing the whole list.
 */
export const inviteEmailsSchema = z
  .union([z.array(entrySchema), z.string().max(20_000, "Paste at most 20,000 characters.").transform(splitEmailList)])
  .pipe(
    z
      .array(entrySchema)
      .min(1, "Enter at least one email address.")
      .max(INVITATIONS_PER_REQUEST, `Invite at most ${INVITATIONS_PER_REQUEST} people at a time.`),
  )
  .meta({ description: `Up to ${INVITATIONS_PER_REQUEST} addresses, as an array or as one text separated by commas, spaces or newlines.` });

export const createInvitationsSchema = z.strictObject({ emails: inviteEmailsSchema, role: roleSchema });
export type CreateInvitationsInput = z.output<typeof createInvitationsSchema>;

export const listInvitationsQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "invitation", max: INVITATIONS_PAGE_MAX, default: INVITATIONS_PAGE_DEFAULT, decode: decodeCreatedAtCursor }),
});
export type ListInvitationsQuery = z.output<typeof listInvitationsQuerySchema>;

const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: personSchema.nullable(),
  createdAt: z.date(),
  lastSentAt: z.date(),
  expiresAt: z.date(),
  expired: z.boolean().meta({ description: "The link no longer works; resend to renew it." }),
});
export type InvitationView = z.output<typeof invitationSchema>;

export const invitationPageSchema = z.object({
  items: z.array(invitationSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});

const notInvitedSchema = z.object({
  email: z.string(),
  reason: z.enum(SEND_REFUSAL_REASONS).meta({
    description: `\`declined\`: the address asked not to receive invitations from this organization. \`organization_limit\`: this organization sent it ${LIMITS.perOrganizationRecipient.sends} invitation emails in ${LIMITS.perOrganizationRecipient.windowHours / 24} days. \`recipient_limit\`: it received ${LIMITS.perRecipientPerDay} invitation emails in 24 hours, from any organization. \`account_limit\`: the inviter's account is less than ${LIMITS.newAccount.accountAgeHours} hours old and sent ${LIMITS.newAccount.perDay} in 24 hours.`,
  }),
  message: z.string(),
});
export type NotInvited = z.output<typeof notInvitedSchema>;

export const createInvitationsResultSchema = z.object({
  invited: z.array(invitationSchema).meta({ description: "Invitations created (or renewed, for an expired one); each gets an email." }),
  alreadyMember: z.array(z.string()).meta({ description: "Addresses of people already in the organization: nothing sent." }),
  alreadyInvited: z.array(z.string()).meta({ description: "Addresses with a pending invitation: nothing sent (resend it instead)." }),
  notInvited: z
    .array(notInvitedSchema)
    .meta({ description: "Addresses nothing was sent to: over a sending limit, or the address asked this organization to stop (`reason`). `message` explains it to people." }),
  duplicates: z.array(z.string()).meta({ description: "Addresses listed more than once: handled once." }),
  invalid: z.array(z.object({ index: z.number().int(), value: z.string(), reason: z.string() })),
});
export type CreateInvitationsResult = z.output<typeof createInvitationsResultSchema>;

export const revokedInvitationSchema = z.object({ id: z.string(), revoked: z.literal(true) });

// ── Public: the link in the email ───────────────────────────────────────────

export const INVITATION_STATUSES = ["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"] as const;

export const invitationPreviewSchema = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  role: roleSchema,
  email: z.string().meta({ description: "The invited address, partly masked (a***@example.com)." }),
  inviter: z.object({ name: z.string().nullable() }).nullable(),
  expiresAt: z.date(),
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationPreview = z.output<typeof invitationPreviewSchema>;

export const acceptInvitationSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`).optional(),
  })
  .optional()
  .transform((body) => body ?? {})
  .meta({ description: "Signed out: `name` and `password` create the account for the invited address. Signed in: empty." });
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

export const acceptInvitationResultSchema = z.object({
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  membership: z.object({ id: z.string(), role: roleSchema }),
  user: z.object({ id: z.string(), email: z.string() }),
  accountCreated: z.boolean().meta({ description: "True when the account was created now: sign in with the password just chosen." }),
});

// ── Public: "I don't know this organization" ────────────────────────────────

export const blockInvitationsSchema = z.strictObject({
  token: z.string().min(1, "The link is incomplete; open it from the email again.").max(200, "The link is malformed; open it from the email again."),
});

export const blockInvitationsResultSchema = z.object({
  organization: z.object({ name: z.string() }),
  email: z.string().meta({ description: "The address that will receive no more invitations from the organization, partly masked." }),
  blocked: z.literal(true),
  invitationsRevoked: z.number().int().meta({ description: "Pending invitations from the organization to the address withdrawn now (0 or 1)." }),
});
