/**
 * Every Event type the audit log knows, with the group the filters show it under
 * and a short label. The audit filter accepts only these names (an unknown one is a
 * 422 naming it); a row of a type recorded before this list knew it is still listed,
 * described generically (describe-event.ts).
 */
export const AUDIT_CATEGORIES = ["organization", "members", "invitations", "tracks", "assignments", "work", "security", "audit"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<AuditCategory, string> = {
  organization: "Organization and settings",
  members: "Members and roles",
  invitations: "Invitations",
  tracks: "Tracks",
  assignments: "Assignments",
  work: "Progress, evidence and comments",
  security: "Sign-in and security",
  audit: "Audit log",
};

export const AUDIT_EVENT_TYPES = {
  "organization.created": { category: "organization", label: "Organization created" },
  "organization.renamed": { category: "organization", label: "Organization renamed" },
  "organization.updated": { category: "organization", label: "Settings changed" },
  "integration.created": { category: "organization", label: "Webhook or Slack channel added" },
  "integration.updated": { category: "organization", label: "Webhook or Slack channel changed" },
  "integration.deleted": { category: "organization", label: "Webhook or Slack channel deleted" },
  "integration.secret_rotated": { category: "organization", label: "Webhook secret rotated" },
  "member.joined": { category: "members", label: "Member joined" },
  "member.role_changed": { category: "members", label: "Role changed" },
  "member.suspended": { category: "members", label: "Member suspended" },
  "member.reactivated": { category: "members", label: "Member reactivated" },
  "member.removed": { category: "members", label: "Member removed or left" },
  "member.invited": { category: "invitations", label: "Invitation sent" },
  "member.invitation_resent": { category: "invitations", label: "Invitation resent" },
  "member.invitation_revoked": { category: "invitations", label: "Invitation revoked" },
  "member.invitation_declined": { category: "invitations", label: "Invitation declined" },
  "track.created": { category: "tracks", label: "Track imported" },
  "track.updated": { category: "tracks", label: "Track changed" },
  "track.draft_created": { category: "tracks", label: "Draft started" },
  "track.draft_edited": { category: "tracks", label: "Draft edited" },
  "track.published": { category: "tracks", label: "Version published" },
  "assignment.created": { category: "assignments", label: "Track assigned" },
  "assignment.updated": { category: "assignments", label: "Assignment changed" },
  "assignment.mentors_changed": { category: "assignments", label: "Mentors changed" },
  "assignment.upgraded": { category: "assignments", label: "Assignment upgraded" },
  "assignment.completed": { category: "assignments", label: "Assignment completed" },
  "assignment.nudged": { category: "assignments", label: "Hire nudged" },
  "assignment.due_date_extended": { category: "assignments", label: "Due date extended" },
  "assignment.overdue": { category: "assignments", label: "Assignment overdue" },
  "assignment.stuck": { category: "assignments", label: "Hire stuck" },
  "progress.updated": { category: "work", label: "Progress logged" },
  "evidence.submitted": { category: "work", label: "Evidence submitted" },
  "evidence.reviewed": { category: "work", label: "Evidence reviewed" },
  "comment.created": { category: "work", label: "Comment posted" },
  "comment.edited": { category: "work", label: "Comment edited" },
  "comment.deleted": { category: "work", label: "Comment deleted" },
  "security.signed_in": { category: "security", label: "Signed in" },
  "security.sign_in_failed": { category: "security", label: "Sign-in failed" },
  "security.signed_out": { category: "security", label: "Signed out" },
  "security.sessions_revoked": { category: "security", label: "Signed out everywhere" },
  "security.password_changed": { category: "security", label: "Password changed" },
  "api_token.created": { category: "security", label: "API token created" },
  "api_token.revoked": { category: "security", label: "API token revoked" },
  "audit.exported": { category: "audit", label: "Audit log exported" },
  "organization.exported": { category: "audit", label: "Organization data exported" },
} as const satisfies Record<string, { category: AuditCategory; label: string }>;

export type AuditEventType = keyof typeof AUDIT_EVENT_TYPES;
export const AUDIT_TYPE_NAMES = Object.keys(AUDIT_EVENT_TYPES) as AuditEventType[];

export const isAuditEventType = (type: string): type is AuditEventType => Object.hasOwn(AUDIT_EVENT_TYPES, type);

/**
 * Types only the audit log reads: the live stream (lib/realtime/event-relay.ts), its
 * replay (lib/events/list-events.ts) and the activity views never carry them. Sign-in
 * events hold a person's address and their timing; no screen but the audit page needs
 * them, and a dashboard has nothing to refresh for them.
 */
export const AUDIT_ONLY_TYPES: readonly string[] = AUDIT_TYPE_NAMES.filter((type) => {
  const category: AuditCategory = AUDIT_EVENT_TYPES[type].category;
  return category === "security" || category === "audit";
});

export const isAuditOnlyType = (type: string) => AUDIT_ONLY_TYPES.includes(type);

/** The subjects events are about (subjectType), for the subject filter. */
export const AUDIT_SUBJECT_TYPES = ["organization", "membership", "invitation", "track", "assignment", "user", "api_token"] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
