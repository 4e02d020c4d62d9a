/**
 * Every endpoint of the HTTP API, for the OpenAPI document. A test checks that
 * each route file under app/api serves endpoints listed here, so a new route
 * cannot go undocumented.
 */
import { requestSignInLinkEndpoint } from "@/lib/accounts/email-sign-in-endpoints";
import { confirmEmailVerificationEndpoint, resendEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { confirmSignUpEndpoint, signUpEndpoint } from "@/lib/accounts/endpoints";
import { confirmPasswordResetEndpoint, requestPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import {
  createPersonalTokenEndpoint,
  createServiceTokenEndpoint,
  listPersonalTokensEndpoint,
  listServiceTokensEndpoint,
  revokePersonalTokenEndpoint,
  revokeServiceTokenEndpoint,
} from "@/lib/api-tokens/endpoints";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import {
  acceptInvitationEndpoint,
  blockInvitationsEndpoint,
  createInvitationsEndpoint,
  listInvitationsEndpoint,
  previewInvitationEndpoint,
  resendInvitationEndpoint,
  revokeInvitationEndpoint,
} from "@/lib/invitations/endpoints";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";
import { listMembersEndpoint, removeMemberEndpoint, updateMemberEndpoint } from "@/lib/members/endpoints";
import { livenessEndpoint, readinessEndpoint } from "@/lib/observability/endpoints";
import { createOrganizationEndpoint, getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import {
  createTrackDraftEndpoint,
  createTrackEndpoint,
  exportTrackVersionEndpoint,
  getTrackEndpoint,
  getTrackVersionEndpoint,
  listTrackLibraryEndpoint,
  listTracksEndpoint,
  previewTrackImportEndpoint,
  publishTrackVersionEndpoint,
} from "@/lib/tracks/endpoints";
import { addTrackNodesEndpoint, deleteTrackNodeEndpoint, moveTrackNodeEndpoint, updateTrackEndpoint, updateTrackNodeEndpoint } from "@/lib/tracks/edit-endpoints";
import { diffTrackVersionsEndpoint } from "@/lib/tracks/diff-endpoint";
import { bulkApproveEvidenceEndpoint, downloadEvidenceFileEndpoint, listItemEvidenceEndpoint, reviewEvidenceEndpoint, reviewQueueEndpoint, submitEvidenceEndpoint } from "@/lib/evidence/endpoints";
import { getMyGitHubEndpoint, startGitHubLinkEndpoint, unlinkGitHubEndpoint } from "@/lib/users/github-endpoints";
import { getGitHubSettingsEndpoint, removeGitHubTokenEndpoint, rerunEvidenceCheckEndpoint, setGitHubTokenEndpoint } from "@/lib/evidence/github/endpoints";
import { createItemCommentEndpoint, deleteCommentEndpoint, editCommentEndpoint, listItemCommentsEndpoint } from "@/lib/comments/endpoints";
import { listNotificationsEndpoint, markNotificationsReadEndpoint } from "@/lib/notifications/endpoints";
import { listActivityEndpoint, listEventLogEndpoint, listEventsEndpoint, personActivityDaysEndpoint } from "@/lib/events/endpoints";
import { managerDashboardCsvEndpoint, managerDashboardEndpoint, mentorDashboardEndpoint } from "@/lib/dashboards/endpoints";
import { exportAuditEndpoint, listAuditEndpoint } from "@/lib/audit/endpoints";
import {
  createSlackChannelEndpoint,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhooksEndpoint,
  redeliverWebhookEndpoint,
  rotateWebhookSecretEndpoint,
  sendTestWebhookEndpoint,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import {
  applyAssignmentUpgradeEndpoint,
  dismissAssignmentUpgradeNoticeEndpoint,
  listTrackUpgradeCandidatesEndpoint,
  upgradeTrackAssignmentsEndpoint,
  nudgeHireEndpoint,
  bulkUpdateAssignmentItemsEndpoint,
  createAssignmentsEndpoint,
  getAssignmentItemHistoryEndpoint,
  getAssignmentEndpoint,
  listAssignmentsEndpoint,
  previewAssignmentUpgradeEndpoint,
  updateAssignmentEndpoint,
  updateAssignmentItemEndpoint,
} from "@/lib/assignments/endpoints";
import { deleteCalendarFeedEndpoint, getCalendarFeedEndpoint, readCalendarFeedEndpoint, resetCalendarFeedEndpoint } from "@/lib/calendar/endpoints";
import { extendAssignmentDueDateEndpoint, listAssignmentDueDateExtensionsEndpoint } from "@/lib/assignments/extension-endpoints";
import { changePasswordEndpoint, getEmailPreferencesEndpoint, getMeEndpoint, revokeSessionsEndpoint, updateEmailPreferencesEndpoint } from "@/lib/users/endpoints";

export const API_ENDPOINTS: AnyEndpoint[] = [
  livenessEndpoint,
  readinessEndpoint,
  openApiEndpoint,
  signUpEndpoint,
  confirmSignUpEndpoint,
  requestPasswordResetEndpoint,
  confirmPasswordResetEndpoint,
  resendEmailVerificationEndpoint,
  confirmEmailVerificationEndpoint,
  requestSignInLinkEndpoint,
  getMeEndpoint,
  revokeSessionsEndpoint,
  changePasswordEndpoint,
  createOrganizationEndpoint,
  getOrganizationEndpoint,
  renameOrganizationEndpoint,
  listMembersEndpoint,
  updateMemberEndpoint,
  removeMemberEndpoint,
  listInvitationsEndpoint,
  createInvitationsEndpoint,
  resendInvitationEndpoint,
  revokeInvitationEndpoint,
  previewInvitationEndpoint,
  acceptInvitationEndpoint,
  blockInvitationsEndpoint,
  listTrackLibraryEndpoint,
  previewTrackImportEndpoint,
  createTrackEndpoint,
  listTracksEndpoint,
  getTrackEndpoint,
  getTrackVersionEndpoint,
  exportTrackVersionEndpoint,
  publishTrackVersionEndpoint,
  createTrackDraftEndpoint,
  diffTrackVersionsEndpoint,
  updateTrackEndpoint,
  addTrackNodesEndpoint,
  updateTrackNodeEndpoint,
  moveTrackNodeEndpoint,
  deleteTrackNodeEndpoint,
  createAssignmentsEndpoint,
  listAssignmentsEndpoint,
  getAssignmentEndpoint,
  updateAssignmentEndpoint,
  extendAssignmentDueDateEndpoint,
  listAssignmentDueDateExtensionsEndpoint,
  getCalendarFeedEndpoint,
  resetCalendarFeedEndpoint,
  deleteCalendarFeedEndpoint,
  readCalendarFeedEndpoint,
  updateAssignmentItemEndpoint,
  bulkUpdateAssignmentItemsEndpoint,
  getAssignmentItemHistoryEndpoint,
  previewAssignmentUpgradeEndpoint,
  applyAssignmentUpgradeEndpoint,
  dismissAssignmentUpgradeNoticeEndpoint,
  listTrackUpgradeCandidatesEndpoint,
  upgradeTrackAssignmentsEndpoint,
  nudgeHireEndpoint,
  listItemEvidenceEndpoint,
  submitEvidenceEndpoint,
  reviewEvidenceEndpoint,
  reviewQueueEndpoint,
  bulkApproveEvidenceEndpoint,
  downloadEvidenceFileEndpoint,
  listItemCommentsEndpoint,
  createItemCommentEndpoint,
  editCommentEndpoint,
  deleteCommentEndpoint,
  listNotificationsEndpoint,
  markNotificationsReadEndpoint,
  getEmailPreferencesEndpoint,
  updateEmailPreferencesEndpoint,
  listEventsEndpoint,
  listEventLogEndpoint,
  mentorDashboardEndpoint,
  managerDashboardEndpoint,
  managerDashboardCsvEndpoint,
  listActivityEndpoint,
  personActivityDaysEndpoint,
  listAuditEndpoint,
  exportAuditEndpoint,
  rerunEvidenceCheckEndpoint,
  getGitHubSettingsEndpoint,
  setGitHubTokenEndpoint,
  removeGitHubTokenEndpoint,
  getMyGitHubEndpoint,
  startGitHubLinkEndpoint,
  unlinkGitHubEndpoint,
  listPersonalTokensEndpoint,
  createPersonalTokenEndpoint,
  revokePersonalTokenEndpoint,
  listServiceTokensEndpoint,
  createServiceTokenEndpoint,
  revokeServiceTokenEndpoint,
  listWebhooksEndpoint,
  createWebhookEndpoint,
  createSlackChannelEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecretEndpoint,
  sendTestWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  redeliverWebhookEndpoint,
] as AnyEndpoint[];
