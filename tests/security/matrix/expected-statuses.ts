/**
 * THE AUTHORIZATION MATRIX: for every declared endpoint (by operationId), the status
 * each caller gets for a valid request (see actors.ts for the columns, operations.ts
 * for the requests, world.ts for who is who). A 2xx is the endpoint's success
 * status; anything else is a refusal that must change nothing.
 *
 * The rules it encodes (docs/decisions/0021-authorization-matrix-and-fuzzing.md):
 * - no session: 401 on every session endpoint;
 * - another organization's slug (outsider), a removed member: 404, never 403;
 * - a suspended member: 403 on every organization endpoint;
 * - the policy table's permissions (lib/authz/policy.ts): 403 for a role without one;
 * - objects follow the assignment (lib/assignments/access.ts): someone who may not
 *   see it (a mentor of something else, another member, a demoted mentor) gets 404;
 *   someone who sees it but may not act gets 403;
 * - another organization's ids under one's own slug (crossOrg): 404.
 *
 * A new endpoint needs a row here and a request in operations.ts, or
 * authorization-matrix.test.ts fails.
 */
import type { Actor } from "./actors";

type Row = Readonly<Record<Actor, number>>;

/** Columns in ACTORS order. */
function row(
  anonymous: number,
  outsider: number,
  owner: number,
  admin: number,
  mentor: number,
  otherMentor: number,
  hire: number,
  member: number,
  suspended: number,
  demoted: number,
  removed: number,
  crossOrg: number,
): Row {
  return { anonymous, outsider, owner, admin, mentor, otherMentor, hire, member, suspended, demoted, removed, crossOrg };
}

const everyone = (status: number) => row(status, status, status, status, status, status, status, status, status, status, status, status);
const signedIn = (status: number) => row(401, status, status, status, status, status, status, status, status, status, status, status);

// prettier-ignore
export const EXPECTED_STATUSES: Record<string, Row> = {
  //                                    anon  out  own  adm  men oMen hire  mem susp  dem  rem xOrg
  getLiveness:                 everyone(200),
  getReadiness:                everyone(200),
  getOpenApiDocument:          everyone(200),
  signUp:                      everyone(202),
  confirmSignUp:               everyone(201),
  requestPasswordReset:        everyone(202),
  confirmPasswordReset:        everyone(200),
  resendEmailVerification:     signedIn(202),
  confirmEmailVerification:    everyone(200),
  requestSignInLink:           everyone(202),
  getMe:                       signedIn(200),
  revokeAllSessions:           signedIn(200),
  changePassword:              signedIn(200),
  getEmailPreferences:         signedIn(200),
  getCalendarFeed:             signedIn(200),
  resetCalendarFeed:           signedIn(201),
  deleteCalendarFeed:          signedIn(200),
  readCalendarFeed:            everyone(200),
  updateEmailPreferences:      signedIn(200),
  getMyGitHub:                 signedIn(200),
  startGitHubLink:             signedIn(200),
  unlinkGitHub:                signedIn(200),
  createOrganization:          signedIn(201),
  previewInvitation:           everyone(200),
  // The link is for another address: only signed out (creating that account) does it work.
  acceptInvitation:            row(200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
  blockInvitations:            everyone(200),

  getOrganization:             row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  renameOrganization:          row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  // Owners only (decision 0045). The deletion acts on a copy of A's people (operations.ts), crossOrg on B's own copy.
  deleteOrganization:          row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  exportOrganization:          row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  listMembers:                 row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  updateMember:                row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  removeMember:                row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  listInvitations:             row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  createInvitations:           row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  resendInvitation:            row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  revokeInvitation:            row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),

  listTrackLibrary:            row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  previewTrackImport:          row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  createTrack:                 row(401, 404, 201, 201, 403, 403, 403, 403, 403, 403, 404, 201),
  listTracks:                  row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  getTrack:                    row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 404),
  getTrackVersion:             row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 404),
  exportTrackVersion:          row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 404),
  diffTrackVersions:           row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 404),
  publishTrackVersion:         row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  createTrackDraft:            row(401, 404, 201, 201, 403, 403, 403, 403, 403, 403, 404, 404),
  updateTrack:                 row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  addTrackNodes:               row(401, 404, 201, 201, 403, 403, 403, 403, 403, 403, 404, 404),
  updateTrackNode:             row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  moveTrackNode:               row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  deleteTrackNode:             row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),

  //                                    anon  out  own  adm  men oMen hire  mem susp  dem  rem xOrg
  createAssignments:           row(401, 404, 201, 201, 403, 403, 403, 403, 403, 403, 404, 404),
  listAssignments:             row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  getAssignment:               row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  updateAssignment:            row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  extendAssignmentDueDate:     row(401, 404, 201, 201, 403, 403, 403, 403, 403, 403, 404, 404),
  listAssignmentDueDateExtensions: row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  updateAssignmentItem:        row(401, 404, 403, 403, 403, 404, 200, 404, 403, 404, 404, 404),
  bulkUpdateAssignmentItems:   row(401, 404, 403, 403, 403, 404, 200, 404, 403, 404, 404, 404),
  getAssignmentItemHistory:    row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  previewAssignmentUpgrade:    row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  applyAssignmentUpgrade:      row(401, 404, 200, 200, 403, 404, 200, 404, 403, 404, 404, 404),
  dismissAssignmentUpgradeNotice: row(401, 404, 403, 403, 403, 404, 200, 404, 403, 404, 404, 404),
  listTrackUpgradeCandidates:  row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  upgradeTrackAssignments:     row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404),
  nudgeHire:                   row(401, 404, 201, 201, 201, 404, 403, 403, 403, 403, 404, 404),

  listItemEvidence:            row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  submitEvidence:              row(401, 404, 403, 403, 403, 404, 201, 404, 403, 404, 404, 404),
  reviewEvidence:              row(401, 404, 200, 200, 200, 404, 403, 403, 403, 403, 404, 404),
  listReviewQueue:             row(401, 404, 200, 200, 200, 200, 403, 403, 403, 403, 404, 200),
  bulkApproveEvidence:         row(401, 404, 200, 200, 200, 404, 403, 403, 403, 403, 404, 404),
  downloadEvidenceFile:        row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  // "Check again" (decision 0034): whoever sees the attempt.
  rerunEvidenceCheck:          row(401, 404, 202, 202, 202, 404, 202, 404, 403, 404, 404, 404),
  // The organization's GitHub token: owners ("org.update"); crossOrg reads and sets its own organization's.
  getGitHubSettings:           row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  setGitHubToken:              row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  removeGitHubToken:           row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),

  listItemComments:            row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  createItemComment:           row(401, 404, 201, 201, 201, 404, 201, 404, 403, 404, 404, 404),
  editComment:                 row(401, 404, 403, 403, 403, 404, 200, 404, 403, 404, 404, 404),
  deleteComment:               row(401, 404, 403, 403, 403, 404, 200, 404, 403, 404, 404, 404),
  listNotifications:           row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  markNotificationsRead:       row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),

  listEvents:                  row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  listEventLog:                row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  listActivity:                row(401, 404, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200),
  getPersonActivityDays:       row(401, 404, 200, 200, 200, 404, 200, 404, 403, 404, 404, 404),
  getMentorDashboard:          row(401, 404, 200, 200, 200, 200, 403, 403, 403, 403, 404, 200),
  getManagerDashboard:         row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  getSetupProgress:            row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  exportManagerDashboard:      row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  // The audit log ("audit.read": owners and admins); crossOrg reads its own organization's.
  listAuditLog:                row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),
  exportAuditLog:              row(401, 404, 200, 200, 403, 403, 403, 403, 403, 403, 404, 200),

  // API tokens (decision 0032). A personal token is made in the organization its body names (the caller's slug):
  // A's for everyone but crossOrg, who makes one in B; a suspended member may not, a non-member finds nothing.
  listPersonalTokens:          signedIn(200),
  createPersonalToken:         row(401, 404, 201, 201, 201, 201, 201, 201, 403, 201, 404, 201),
  // The token is the owner's: anyone else's revoke finds nothing.
  revokePersonalToken:         row(401, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  // Service tokens: owners ("token.manage"); crossOrg lists and makes its own organization's, and cannot revoke A's.
  listServiceTokens:           row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  createServiceToken:          row(401, 404, 201, 403, 403, 403, 403, 403, 403, 403, 404, 201),
  revokeServiceToken:          row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  // Outgoing webhooks and Slack ("integration.manage": owners only); crossOrg uses its own slug with A's endpoint ids: 404.
  listWebhooks:                row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 200),
  createWebhook:               row(401, 404, 201, 403, 403, 403, 403, 403, 403, 403, 404, 201),
  createSlackChannel:          row(401, 404, 201, 403, 403, 403, 403, 403, 403, 403, 404, 201),
  updateWebhook:               row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  deleteWebhook:               row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  rotateWebhookSecret:         row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  sendTestWebhook:             row(401, 404, 202, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  listWebhookDeliveries:       row(401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 404, 404),
  redeliverWebhook:            row(401, 404, 202, 403, 403, 403, 403, 403, 403, 403, 404, 404),
};
