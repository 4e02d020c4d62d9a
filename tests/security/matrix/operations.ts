/**
 * How to call each endpoint validly, keyed by operationId: real params and bodies
 * from the world, so an allowed caller reaches the handler and gets the endpoint's
 * success status, and a refusal can only come from who is asking.
 *
 * `prepare` makes the object a call acts on. It runs once for a row's refused
 * callers (who must leave it unchanged) and, when the call `consumes` it (a delete,
 * a publish, an approval), again for each allowed caller after the first.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hashFeedToken } from "@/lib/calendar/feed-token";
import { hashPassword } from "@/lib/auth/password-hash";
import { issueVerificationToken } from "@/lib/auth/verification-token";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { getDb } from "@/lib/db/client";
import { blockTokenFor } from "@/lib/invitations/block-token";
import { POST as createServiceTokenRoute } from "@/app/api/v1/o/[orgSlug]/service-tokens/route";
import { newTokenSecret } from "@/lib/api-tokens/token-secret";
import { POST as commentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { submitEvidence } from "../../evidence/evidence-fixture";
import { invitationRow } from "../../invitations/invitations-fixture";
import { callRoute } from "../../support/call-route";
import { addMember, createOrganization, createUser } from "../../support/factories";
import { addNodes } from "../../tracks/edit-fixture";
import { createTrack, publishVersion } from "../../tracks/tracks-fixture";
import type { Caller } from "./actors";
import { MATRIX_TRACK_TEXT, PASSWORD } from "./world";
import type { World } from "./world";

export interface Call {
  /** Path params besides `orgSlug`, which comes from the caller. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

export interface Operation<Target = unknown> {
  prepare?: (world: World) => Promise<Target>;
  /** Each allowed call uses its target up: the next allowed caller gets a fresh one. */
  consumes?: boolean;
  call: (world: World, caller: Caller, target: Target) => Call | Promise<Call>;
  /** After an allowed call (e.g. sign in again once a call ended the caller's sessions). */
  after?: (world: World, caller: Caller) => Promise<void>;
}

const op = <Target>(operation: Operation<Target>) => operation as Operation;
const unique = () => randomUUID().slice(0, 8);
const NEW_PASSWORD = "violet harbour stones 84";

let passwordHash: Promise<string> | undefined;

async function evidenceOn(world: World, key: string, note = "Done, see the note."): Promise<string> {
  const sent = await submitEvidence(world.slug, world.people.hire.cookie, world.assignmentId, key, { note });
  if (sent.status !== 201) throw new Error(`prepare: evidence on ${key} answered ${sent.status} ${sent.text}`);
  return sent.json!.id as string;
}

async function publishedTrack(world: World, publish: boolean): Promise<string> {
  const created = await createTrack(world.slug, world.people.owner.cookie, { text: MATRIX_TRACK_TEXT });
  const trackId = created.json!.id as string;
  if (publish && (await publishVersion(world.slug, world.people.owner.cookie, trackId, 1)).status !== 200) throw new Error("prepare: publish failed");
  return trackId;
}

/**
 * Organizations to delete, so A's world stays: `a` holds A's people in A's roles (the removed
 * member and the outsider are not in it), `b` is owned by the outsider (crossOrg deletes its own).
 */
async function organizationsToDelete(world: World) {
  const a = await createOrganization();
  const roles = { owner: "OWNER", admin: "ADMIN", mentor: "MENTOR", otherMentor: "MENTOR", hire: "MEMBER", member: "MEMBER", demoted: "MEMBER", suspended: "MENTOR" } as const;
  for (const [name, role] of Object.entries(roles)) await addMember(a.id, world.people[name as keyof typeof roles].userId, role, name === "suspended" ? "SUSPENDED" : "ACTIVE");
  const b = await createOrganization();
  await addMember(b.id, world.people.outsider.userId, "OWNER");
  return { a, b };
}

export const OPERATIONS: Record<string, Operation> = {
  // ── Public and account-level ────────────────────────────────────────────
  getLiveness: op({ call: () => ({}) }),
  getReadiness: op({ call: () => ({}) }),
  getOpenApiDocument: op({ call: () => ({}) }),
  signUp: op({ call: () => ({ body: { email: `sign-up-${unique()}@example.test` } }) }),
  confirmSignUp: op({
    consumes: true,
    prepare: async () => (await issueVerificationToken(getDb(), "sign-up", `new-${unique()}@example.test`, 60)).token,
    call: (_, __, token) => ({ body: { token, name: "Ada Newcomer", password: PASSWORD, organizationName: `Newcomers ${unique()}` } }),
  }),
  requestPasswordReset: op({ call: () => ({ body: { email: `reset-${unique()}@example.test` } }) }),
  confirmPasswordReset: op({
    consumes: true,
    prepare: async () => {
      const user = await createUser({ verified: true });
      const token = newResetToken();
      await getDb().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry() } });
      return token;
    },
    call: (_, __, token) => ({ body: { token, password: NEW_PASSWORD } }),
  }),
  resendEmailVerification: op({ call: () => ({}) }),
  confirmEmailVerification: op({
    consumes: true,
    prepare: async () => (await issueVerificationToken(getDb(), "verify-email", (await createUser()).id, 60)).token,
    call: (_, __, token) => ({ body: { token } }),
  }),
  requestSignInLink: op({ call: () => ({ body: { email: `link-${unique()}@example.test` } }) }),
  getMe: op({ call: () => ({}) }),
  revokeAllSessions: op({ call: () => ({}), after: (world, caller) => world.signInAgain(caller.person!) }),
  changePassword: op({
    // Each caller is given a password to change first (the world's people have none).
    call: async (world, caller) => {
      if (caller.person) {
        passwordHash ??= hashPassword(PASSWORD);
        await getDb().user.update({ where: { id: world.people[caller.person].userId }, data: { passwordHash: await passwordHash } });
      }
      return { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } };
    },
    after: (world, caller) => world.signInAgain(caller.person!),
  }),
  getEmailPreferences: op({ call: () => ({}) }),
  getCalendarFeed: op({ call: () => ({}) }),
  resetCalendarFeed: op({ call: () => ({}) }),
  deleteCalendarFeed: op({ call: () => ({}) }),
  // The hire's feed link, made for the row: the token is the credential, whoever sends it.
  readCalendarFeed: op({
    prepare: async (world) => {
      const token = randomBytes(32).toString("base64url");
      await getDb().calendarFeed.upsert({ where: { userId: world.people.hire.userId }, create: { userId: world.people.hire.userId, tokenHash: hashFeedToken(token) }, update: { tokenHash: hashFeedToken(token) } });
      return token;
    },
    call: (_, __, token) => ({ params: { token } }),
  }),
  updateEmailPreferences: op({ call: () => ({ body: { reviewDigest: false } }) }),
  createOrganization: op({ call: () => ({ body: { name: `Another team ${unique()}` } }) }),
  previewInvitation: op({
    prepare: async (world) => (await invitationRow(world.organization.id, `preview-${unique()}@example.test`, { invitedById: world.people.owner.userId })).token,
    call: (_, __, token) => ({ params: { token } }),
  }),
  acceptInvitation: op({
    // Addressed to nobody here: signed out, the link creates that account; signed in as anyone else, it is refused.
    consumes: true,
    prepare: async (world) => (await invitationRow(world.organization.id, `accept-${unique()}@example.test`, { invitedById: world.people.owner.userId })).token,
    call: (_, caller, token) => ({ params: { token }, body: caller.cookie ? {} : { name: "Grace Invitee", password: PASSWORD } }),
  }),
  blockInvitations: op({
    prepare: async (world) => blockTokenFor((await invitationRow(world.organization.id, `block-${unique()}@example.test`, { invitedById: world.people.owner.userId })).row.id),
    call: (_, __, token) => ({ body: { token } }),
  }),

  // ── The organization, its members and invitations ──────────────────────
  getOrganization: op({ call: () => ({}) }),
  renameOrganization: op({ call: () => ({ body: { stuckAfterDays: 9 } }) }),
  deleteOrganization: op({
    consumes: true,
    prepare: organizationsToDelete,
    call: (_, caller, { a, b }) => {
      const organization = caller.actor === "crossOrg" ? b : a;
      return { params: { orgSlug: organization.slug }, body: { confirmName: organization.name } };
    },
  }),
  exportOrganization: op({ call: () => ({}) }),
  listMembers: op({ call: () => ({ query: "limit=5" }) }),
  updateMember: op({
    consumes: true,
    prepare: (world) => world.newMember(),
    call: (_, __, target) => ({ params: { membershipId: target.membershipId }, body: { role: "MENTOR" } }),
  }),
  removeMember: op({
    consumes: true,
    prepare: (world) => world.newMember(),
    call: (_, __, target) => ({ params: { membershipId: target.membershipId } }),
  }),
  listInvitations: op({ call: () => ({}) }),
  createInvitations: op({ call: () => ({ body: { emails: [`invitee-${unique()}@example.test`], role: "MEMBER" } }) }),
  resendInvitation: op({
    consumes: true,
    prepare: async (world) => (await invitationRow(world.organization.id, `resend-${unique()}@example.test`, { invitedById: world.people.owner.userId })).row.id,
    call: (_, __, invitationId) => ({ params: { invitationId } }),
  }),
  revokeInvitation: op({
    consumes: true,
    prepare: async (world) => (await invitationRow(world.organization.id, `revoke-${unique()}@example.test`, { invitedById: world.people.owner.userId })).row.id,
    call: (_, __, invitationId) => ({ params: { invitationId } }),
  }),

  // ── Tracks ──────────────────────────────────────────────────────────────
  listTrackLibrary: op({ call: () => ({}) }),
  previewTrackImport: op({ call: () => ({ body: { text: MATRIX_TRACK_TEXT } }) }),
  createTrack: op({ call: () => ({ body: { text: MATRIX_TRACK_TEXT, title: `Imported ${unique()}` } }) }),
  listTracks: op({ call: () => ({}) }),
  getTrack: op({ call: (world) => ({ params: { trackId: world.trackId } }) }),
  getTrackVersion: op({ call: (world) => ({ params: { trackId: world.trackId, number: "1" } }) }),
  exportTrackVersion: op({ call: (world) => ({ params: { trackId: world.trackId, number: "1" }, query: "format=json" }) }),
  publishTrackVersion: op({
    consumes: true,
    prepare: (world) => publishedTrack(world, false),
    call: (_, __, trackId) => ({ params: { trackId, number: "1" } }),
  }),
  createTrackDraft: op({
    consumes: true,
    prepare: (world) => publishedTrack(world, true),
    call: (_, __, trackId) => ({ params: { trackId } }),
  }),
  diffTrackVersions: op({ call: (world) => ({ params: { trackId: world.trackId, number: "2" }, query: "from=1" }) }),
  updateTrack: op({ call: (world) => ({ params: { trackId: world.trackId }, body: { description: `Described ${unique()}` } }) }),
  addTrackNodes: op({
    call: (world) => ({ params: { trackId: world.draft.trackId, number: String(world.draft.number) }, body: { parentKey: world.key("Drills"), nodes: [{ kind: "ITEM", title: `Added ${unique()}` }] } }),
  }),
  updateTrackNode: op({
    call: (world) => ({ params: { trackId: world.draft.trackId, number: String(world.draft.number), key: world.key("HTTP") }, body: { description: `Changed ${unique()}` } }),
  }),
  moveTrackNode: op({
    call: (world) => ({ params: { trackId: world.draft.trackId, number: String(world.draft.number), key: world.key("HTTP") }, body: { parentKey: world.key("Web (optional)"), position: 0 } }),
  }),
  deleteTrackNode: op({
    consumes: true,
    prepare: async (world) => {
      const added = await addNodes({ slug: world.slug, ...world.draft }, world.people.owner.cookie, { parentKey: world.key("Drills"), nodes: [{ kind: "ITEM", title: `Doomed ${unique()}` }] });
      if (added.status !== 201) throw new Error(`prepare: add node answered ${added.status} ${added.text}`);
      return added.json!.nodes[0].stableKey as string;
    },
    call: (world, _, key) => ({ params: { trackId: world.draft.trackId, number: String(world.draft.number), key } }),
  }),

  // ── Assignments and progress ────────────────────────────────────────────
  createAssignments: op({
    consumes: true,
    prepare: (world) => world.newMember(),
    call: (world, _, target) => ({ body: { trackId: world.trackId, assigneeIds: [target.userId], mentorIds: [world.people.mentor.userId] } }),
  }),
  listAssignments: op({ call: () => ({}) }),
  getAssignment: op({ call: (world) => ({ params: { assignmentId: world.assignmentId } }) }),
  updateAssignment: op({ call: (world) => ({ params: { assignmentId: world.assignmentId }, body: { dueDate: "2030-01-31" } }) }),
  extendAssignmentDueDate: op({
    consumes: true,
    // A day after the assignment's current due date (set if it has none): each allowed call moves it later.
    prepare: async (world) => {
      const row = await getDb().assignment.findUniqueOrThrow({ where: { id: world.assignmentId }, select: { dueDate: true } });
      const current = row.dueDate ?? new Date("2031-01-01T00:00:00Z");
      if (!row.dueDate) await getDb().assignment.update({ where: { id: world.assignmentId }, data: { dueDate: current } });
      return new Date(current.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    },
    call: (world, _, dueDate) => ({ params: { assignmentId: world.assignmentId }, body: { dueDate, reason: `Leave ${unique()}` } }),
  }),
  listAssignmentDueDateExtensions: op({ call: (world) => ({ params: { assignmentId: world.assignmentId } }) }),
  updateAssignmentItem: op({ call: (world) => ({ params: { assignmentId: world.assignmentId, key: world.key("Scope") }, body: { note: `Scope notes ${unique()}` } }) }),
  bulkUpdateAssignmentItems: op({ call: (world) => ({ params: { assignmentId: world.assignmentId }, body: { keys: [world.key("HTTP")], state: "IN_PROGRESS" } }) }),
  getAssignmentItemHistory: op({ call: (world) => ({ params: { assignmentId: world.assignmentId, key: world.key("Types") } }) }),
  previewAssignmentUpgrade: op({ call: (world) => ({ params: { assignmentId: world.assignmentId } }) }),
  applyAssignmentUpgrade: op({
    consumes: true,
    prepare: async (world) => world.nextUpgrade(),
    call: (world, _, toVersionNumber) => ({ params: { assignmentId: world.assignmentId }, body: { toVersionNumber } }),
  }),
  dismissAssignmentUpgradeNotice: op({ call: (world) => ({ params: { assignmentId: world.assignmentId } }) }),
  listTrackUpgradeCandidates: op({ call: (world) => ({ params: { trackId: world.trackId } }) }),
  // An id of no assignment: the hire's own is upgraded version by version by applyAssignmentUpgrade above,
  // and the answer is 200 with a per-hire outcome whatever the ids (tests/assignments/upgrade-hires.test.ts).
  upgradeTrackAssignments: op({ call: (world) => ({ params: { trackId: world.trackId }, body: { toVersionNumber: 4, assignmentIds: [`c${randomUUID().replaceAll("-", "").slice(0, 24)}`] } }) }),

  nudgeHire: op({
    // One nudge per hire per day: each allowed caller finds the day's nudge of the world's hire not yet sent.
    // (A new assignment per caller would be one the dashboards have never counted: their first read would write it.)
    consumes: true,
    prepare: async (world) => {
      await getDb().reminderSend.deleteMany({ where: { organizationId: world.organization.id, userId: world.people.hire.userId, kind: "nudge" } });
    },
    call: (world) => ({ params: { assignmentId: world.assignmentId }, body: { message: "How is it going? Ping me if you are blocked." } }),
  }),

  // ── Evidence and reviews ────────────────────────────────────────────────
  listItemEvidence: op({ call: (world) => ({ params: { assignmentId: world.assignmentId, key: world.key("Loops") } }) }),
  submitEvidence: op({
    consumes: true,
    prepare: async (world) => world.nextDrill(),
    call: (world, _, key) => ({ params: { assignmentId: world.assignmentId, key }, body: { note: "Done: see the log.", link: "https://github.com/acme/api/pull/42" } }),
  }),
  reviewEvidence: op({
    // Changes requested leave the item open, so one drill serves every review.
    consumes: true,
    prepare: (world) => evidenceOn(world, world.reviewDrill()),
    call: (_, __, attemptId) => ({ params: { attemptId }, body: { decision: "REQUEST_CHANGES", comment: "Add a test, please." } }),
  }),
  listReviewQueue: op({ call: () => ({}) }),
  bulkApproveEvidence: op({
    consumes: true,
    prepare: (world) => evidenceOn(world, world.nextDrill()),
    call: (_, __, attemptId) => ({ body: { attemptIds: [attemptId] } }),
  }),
  downloadEvidenceFile: op({ call: (world) => ({ params: { fileId: world.fileId } }) }),
  rerunEvidenceCheck: op({
    // A pull request link: the check is enqueued (no worker runs it here).
    prepare: async (world) => {
      const sent = await submitEvidence(world.slug, world.people.hire.cookie, world.assignmentId, world.nextDrill(), { link: "https://github.com/acme/api/pull/42" });
      if (sent.status !== 201) throw new Error(`prepare: evidence answered ${sent.status} ${sent.text}`);
      return sent.json!.id as string;
    },
    call: (_, __, attemptId) => ({ params: { attemptId } }),
  }),
  getGitHubSettings: op({ call: () => ({}) }),
  getMyGitHub: op({ call: () => ({}) }),
  startGitHubLink: op({ call: () => ({}) }),
  unlinkGitHub: op({ call: () => ({}) }),
  setGitHubToken: op({ call: () => ({ body: { token: `ghp_${"m".repeat(36)}` } }) }),
  removeGitHubToken: op({ call: () => ({}) }),

  // ── Threads and notifications ───────────────────────────────────────────
  listItemComments: op({ call: (world) => ({ params: { assignmentId: world.assignmentId, key: world.key("Types") } }) }),
  createItemComment: op({ call: (world) => ({ params: { assignmentId: world.assignmentId, key: world.key("Types") }, body: { body: `A thought ${unique()}` } }) }),
  editComment: op({ call: (world) => ({ params: { commentId: world.commentId }, body: { body: `Edited ${unique()}` } }) }),
  deleteComment: op({
    consumes: true,
    prepare: async (world) => {
      const { slug, assignmentId } = world;
      const key = world.key("Types");
      const posted = await callRoute(commentRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/comments`, params: { orgSlug: slug, assignmentId, key }, cookie: world.people.hire.cookie, body: { body: "Never mind." } });
      if (posted.status !== 201) throw new Error(`prepare: comment answered ${posted.status} ${posted.text}`);
      return posted.json!.id as string;
    },
    call: (_, __, commentId) => ({ params: { commentId } }),
  }),
  listNotifications: op({ call: () => ({}) }),
  markNotificationsRead: op({ call: () => ({ body: { all: true } }) }),

  // ── Live events, activity and dashboards ────────────────────────────────
  listEvents: op({ call: () => ({ query: "after=0" }) }),
  listEventLog: op({ call: () => ({ query: "limit=10" }) }),
  listActivity: op({ call: () => ({}) }),
  getPersonActivityDays: op({ call: (world) => ({ params: { userId: world.people.hire.userId } }) }),
  getMentorDashboard: op({ call: () => ({}) }),
  getManagerDashboard: op({ call: () => ({}) }),
  getSetupProgress: op({ call: () => ({}) }),
  exportManagerDashboard: op({ call: () => ({}) }),

  // ── The audit log ───────────────────────────────────────────────────────
  listAuditLog: op({ call: (world) => ({ query: `limit=5&type=member.joined,member.role_changed&actor=${world.people.owner.userId}` }) }),
  exportAuditLog: op({ call: () => ({ query: "format=csv&type=member.joined" }) }),

  // ── API tokens ──────────────────────────────────────────────────────────
  listPersonalTokens: op({ call: () => ({}) }),
  createPersonalToken: op({ call: (_, caller) => ({ body: { orgSlug: caller.slug, name: `Matrix ${unique()}`, scopes: ["org.read"], expiresInDays: 30 } }) }),
  revokePersonalToken: op({
    consumes: true,
    prepare: async (world) => {
      const secret = newTokenSecret("PERSONAL");
      const { userId } = world.people.owner;
      const token = await getDb().apiToken.create({
        data: { organizationId: world.organization.id, userId, kind: "PERSONAL", name: "Matrix", prefix: secret.prefix, tokenHash: secret.tokenHash, scopes: ["org.read"], createdById: userId },
      });
      return token.id;
    },
    call: (_, __, tokenId) => ({ params: { tokenId } }),
  }),
  listServiceTokens: op({ call: () => ({}) }),
  createServiceToken: op({ call: () => ({ body: { name: `Matrix bot ${unique()}`, role: "MEMBER", scopes: ["org.read"], expiresInDays: null } }) }),
  revokeServiceToken: op({
    consumes: true,
    prepare: async (world) => {
      const { slug } = world;
      const made = await callRoute(createServiceTokenRoute, { path: `/api/v1/o/${slug}/service-tokens`, params: { orgSlug: slug }, cookie: world.people.owner.cookie, body: { name: "Matrix bot", role: "MEMBER", scopes: ["org.read"], expiresInDays: null } });
      if (made.status !== 201) throw new Error(`prepare: service token answered ${made.status} ${made.text}`);
      return made.json!.id as string;
    },
    call: (_, __, tokenId) => ({ params: { tokenId } }),
  }),
  // ── Outgoing webhooks and Slack ─────────────────────────────────────────
  listWebhooks: op({ call: () => ({ query: "kind=WEBHOOK" }) }),
  createWebhook: op({ call: () => ({ body: { url: `https://hooks.example.com/${unique()}`, eventTypes: ["progress.updated"] } }) }),
  createSlackChannel: op({ call: () => ({ body: { url: `https://hooks.slack.com/services/T000/B000/${unique()}`, description: "#onboarding", eventTypes: ["evidence.submitted"] } }) }),
  updateWebhook: op({ call: (world) => ({ params: { endpointId: world.webhookId }, body: { description: `Changed ${unique()}` } }) }),
  deleteWebhook: op({ consumes: true, prepare: (world) => world.newWebhook(), call: (_, __, endpointId) => ({ params: { endpointId } }) }),
  rotateWebhookSecret: op({ call: (world) => ({ params: { endpointId: world.webhookId } }) }),
  sendTestWebhook: op({ call: (world) => ({ params: { endpointId: world.webhookId } }) }),
  listWebhookDeliveries: op({ call: (world) => ({ params: { endpointId: world.webhookId } }) }),
  redeliverWebhook: op({
    consumes: true,
    prepare: (world) => world.deliveredWebhook(),
    call: (world, _, deliveryId) => ({ params: { endpointId: world.webhookId, deliveryId } }),
  }),
};
