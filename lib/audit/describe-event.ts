/**
 * One sentence per audit event, from its row and the names of the people, tracks
 * and assignments it mentions (looked up once per page or export batch, see
 * audit-names.ts). Pure, so every type's wording is unit tested. Names are shown as
 * stored today (a renamed person shows their new name); the payload keeps what the
 * event recorded.
 */
import { AUDIT_EVENT_TYPES, isAuditEventType } from "./event-catalog";

export interface Person {
  name: string | null;
  email: string;
}

export interface AuditNames {
  people: ReadonlyMap<string, Person>;
  tracks: ReadonlyMap<string, string>;
  /** Assignment id → its hire and its track's title. */
  assignments: ReadonlyMap<string, { assigneeId: string; trackTitle: string }>;
}

export interface DescribableEvent {
  type: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

const ROLE_WORDS: Record<string, string> = { OWNER: "Owner", ADMIN: "Admin", MENTOR: "Mentor", MEMBER: "Member" };
const STATE_WORDS: Record<string, string> = {
  DONE: "done",
  IN_PROGRESS: "in progress",
  NOT_STARTED: "not started",
  NOT_APPLICABLE: "not applicable",
  SUBMITTED: "submitted",
  APPROVED: "approved",
  CHANGES_REQUESTED: "changes requested",
};
const METHOD_WORDS: Record<string, string> = { password: "with a password", "email-link": "with an email link", github: "with GitHub" };
const REASON_WORDS: Record<string, string> = { "wrong-password": "wrong password", "rate-limited": "too many attempts" };

export const displayName = (person: Person | null | undefined) => person?.name?.trim() || person?.email || null;

/** A number or word from a payload, or "?" when the event did not record it. */
const shown = (value: unknown) => (typeof value === "number" || (typeof value === "string" && value) ? String(value) : "?");
const text = (value: unknown) => (typeof value === "string" ? value : null);
const quoted = (value: unknown) => (typeof value === "string" && value ? `“${value}”` : null);
const role = (value: unknown) => ROLE_WORDS[String(value)] ?? String(value ?? "?");
const days = (value: unknown) => (typeof value === "number" ? `${value} day${value === 1 ? "" : "s"}` : "? days");
// Before decision 0040 a track.created payload's `items` counted topics too; only payloads that
// carry `topics` say how many items (leaves) there are, so older ones show no count.
const importedCounts = (p: Record<string, unknown>) =>
  typeof p.items === "number" && typeof p.topics === "number" ? ` (${p.items} ${p.items === 1 ? "item" : "items"})` : "";
const list = (values: string[]) => (values.length <= 1 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`);

export function describeEvent(event: DescribableEvent, names: AuditNames): string {
  return describeAction(event, names) + viaToken(event.payload.apiToken);
}

/** Events a request made with an API token carry it (lib/db/events.ts, decision 0032). */
function viaToken(token: unknown): string {
  if (typeof token !== "object" || token === null) return "";
  const { name, kind } = token as { name?: unknown; kind?: unknown };
  return ` (with the ${kind === "SERVICE" ? "service" : "personal API"} token ${quoted(name) ?? "“?”"})`;
}

function describeAction(event: DescribableEvent, names: AuditNames): string {
  const p = event.payload;
  const person = (id: unknown) => (typeof id === "string" ? (displayName(names.people.get(id)) ?? "a former user") : "someone");
  const actor = event.actorId ? person(event.actorId) : null;
  const who = actor ?? "Cairn";
  const trackTitle = (id: unknown) => quoted(typeof id === "string" ? names.tracks.get(id) : null) ?? "a track";
  const assignment = names.assignments.get(event.subjectType === "assignment" ? event.subjectId : "");
  const assigned = assignment ? `${person(assignment.assigneeId)}’s assignment of ${quoted(assignment.trackTitle)}` : "an assignment";
  const from = text(p.ip) ? ` from ${text(p.ip)}` : "";
  const changed = (keys: string[]) => keys.filter((key) => key in p && !["assignmentId", "trackId"].includes(key));

  switch (event.type) {
    case "organization.created":
      return `${who} created the organization ${quoted(p.name) ?? ""}.`.replace(" .", ".");
    case "organization.renamed":
      return `${who} renamed the organization from ${quoted(p.from) ?? "?"} to ${quoted(p.to) ?? "?"}.`;
    case "organization.updated": {
      const stuck = p.stuckAfterDays as { from?: unknown; to?: unknown } | undefined;
      const target = p.reviewTargetDays as { from?: unknown; to?: unknown } | undefined;
      const dueSoon = p.dueSoonDays as { from?: unknown; to?: unknown } | undefined;
      const parts = [
        ...(stuck ? [`when work counts as stuck from ${shown(stuck.from)} to ${shown(stuck.to)} days`] : []),
        ...(target ? [`the review target from ${shown(target.from)} to ${shown(target.to)} working days`] : []),
        ...(dueSoon ? [`when due-soon reminders go out from ${shown(dueSoon.from)} to ${shown(dueSoon.to)} days before the due day`] : []),
      ];
      return parts.length > 0 ? `${who} changed ${parts.join(" and ")}.` : `${who} changed the organization’s settings.`;
    }
    case "integration.created":
    case "integration.updated":
    case "integration.deleted":
    case "integration.secret_rotated": {
      // The URL as the settings show it (a Slack URL masked): lib/webhooks/manage-webhooks.ts.
      const target = `${p.kind === "SLACK" ? "the Slack channel" : "the webhook"} ${text(p.description) || text(p.url) || ""}`.trim();
      const verb = { "integration.created": "added", "integration.updated": "changed", "integration.deleted": "deleted", "integration.secret_rotated": "rotated the signing secret of" }[event.type];
      const onOff = event.type === "integration.updated" && typeof p.enabled === "boolean" ? (p.enabled ? " (turned on)" : " (turned off)") : "";
      const moved = event.type === "integration.updated" && text(p.urlFrom) ? ` (its URL was ${text(p.urlFrom)})` : "";
      return `${who} ${verb} ${target}${moved}${onOff}.`;
    }
    case "member.joined":
      return p.invitationId ? `${person(p.userId)} joined as ${role(p.role)}, accepting an invitation.` : `${person(p.userId)} joined as ${role(p.role)}.`;
    case "member.role_changed":
      return `${who} changed ${person(p.userId)}’s role from ${role(p.from)} to ${role(p.to)}.`;
    case "member.suspended":
      return `${who} suspended ${person(p.userId)}.`;
    case "member.reactivated":
      return `${who} reactivated ${person(p.userId)}.`;
    case "member.removed":
      return p.left === true ? `${person(p.userId)} left the organization.` : `${who} removed ${person(p.userId)} (${role(p.role)}).`;
    case "member.invited":
      return `${who} invited ${text(p.email) ?? "someone"} as ${role(p.role)}${p.renewed === true ? " (renewing an expired invitation)" : ""}.`;
    case "member.invitation_resent":
      return `${who} resent the invitation to ${text(p.email) ?? "someone"}.`;
    case "member.invitation_revoked":
      return `${who} revoked the invitation to ${text(p.email) ?? "someone"}.`;
    case "member.invitation_declined":
      return `${text(p.email) ?? "Someone"} declined the invitation and blocked further ones.`;
    case "track.created":
      return `${who} imported the track ${quoted(p.title) ?? trackTitle(event.subjectId)}${importedCounts(p)}.`;
    case "track.updated": {
      const fields = changed(["title", "description"]);
      return `${who} changed ${fields.length ? `the ${list(fields)} of ` : ""}the track ${trackTitle(event.subjectId)}.`;
    }
    case "track.draft_created":
      return `${who} started draft version ${shown(p.number)} of ${trackTitle(event.subjectId)}.`;
    case "track.draft_edited":
      return `${who} edited draft version ${shown(p.number)} of ${trackTitle(event.subjectId)}${text(p.operation) ? ` (${text(p.operation)})` : ""}.`;
    case "track.published":
      return `${who} published version ${shown(p.number)} of ${trackTitle(event.subjectId)}.`;
    case "assignment.nudged":
      return `${who} nudged ${person(p.assigneeId ?? assignment?.assigneeId)} about ${assignment ? quoted(assignment.trackTitle) : "their track"}.`;
    case "assignment.created":
      return `${who} assigned ${assignment ? quoted(assignment.trackTitle) : "a track"} to ${person(p.assigneeId ?? assignment?.assigneeId)}.`;
    case "assignment.updated": {
      const fields = changed(Object.keys(p)).map((key) => key.replace(/([A-Z])/g, " $1").toLowerCase());
      return `${who} changed ${fields.length ? `the ${list(fields)} of ` : ""}${assigned}.`;
    }
    case "assignment.mentors_changed": {
      const removed = Array.isArray(p.removed) ? p.removed.map(person) : [];
      return `${assigned.charAt(0).toUpperCase()}${assigned.slice(1)} lost ${removed.length ? list(removed) : "a mentor"} as mentor${removed.length > 1 ? "s" : ""}${text(p.reason) ? ` (${String(p.reason).replace(/[-_]/g, " ")})` : ""}.`;
    }
    case "assignment.upgraded":
      return `${who} moved ${assigned} from version ${shown(p.fromNumber)} to version ${shown(p.toNumber)}.`;
    case "assignment.due_date_extended":
      return `${who} extended the due date of ${assigned} from ${shown(p.previousDueDate)} to ${shown(p.dueDate)}${text(p.reason) ? `: ${quoted(String(p.reason))}` : ""}.`;
    case "assignment.completed":
      return `${assigned.charAt(0).toUpperCase()}${assigned.slice(1)} was completed.`;
    // Recorded by the hourly scan (lib/reminders/occasion-events.ts): no actor.
    case "assignment.overdue":
      return `${who} noted that ${assigned} is overdue: ${days(p.daysLate)} past its due day, ${shown(p.dueDate)}.`;
    case "assignment.stuck":
      return `${who} noted that ${assigned} is stuck: ${p.inProgress === true ? `an item has been in progress for ${days(p.stuckDays)}` : `no progress for ${days(p.stuckDays)}`}.`;
    case "progress.updated":
      return `${who} marked an item of ${assigned} ${STATE_WORDS[String(p.to)] ?? shown(p.to).toLowerCase()}${p.bulk === true ? " (with others at once)" : ""}.`;
    case "evidence.submitted":
      return `${who} submitted evidence (attempt ${shown(p.number)}) on ${assigned}.`;
    case "evidence.reviewed":
      return `${who} ${p.decision === "APPROVE" ? "approved" : "asked for changes to"} evidence (attempt ${shown(p.number)}) on ${assigned}.`;
    case "comment.created":
      return `${who} commented on ${assigned}.`;
    case "comment.edited":
      return `${who} edited a comment on ${assigned}.`;
    case "comment.deleted":
      return `${who} deleted a comment on ${assigned}.`;
    case "security.signed_in":
      return `${person(event.subjectId)} signed in ${METHOD_WORDS[String(p.method)] ?? ""}${from}.`.replace(/ +\./, ".").replace(/  +/g, " ");
    case "security.sign_in_failed":
      return `A sign-in to ${person(event.subjectId)}’s account failed (${REASON_WORDS[String(p.reason)] ?? "refused"})${from}.`;
    case "security.signed_out":
      return `${person(event.subjectId)} signed out.`;
    case "security.sessions_revoked":
      return `${person(event.subjectId)} signed out everywhere: every session of the account ended.`;
    case "security.password_changed":
      return p.via === "reset"
        ? `${person(event.subjectId)} set a new password through a reset link; every session of the account ended.`
        : `${person(event.subjectId)} changed their password; every session of the account ended.`;
    case "api_token.created":
      return p.kind === "SERVICE"
        ? `${who} created the service token ${quoted(p.name) ?? "“?”"} (${role(p.role)}; scopes ${Array.isArray(p.scopes) ? p.scopes.join(", ") : "?"}).`
        : `${who} created the personal API token ${quoted(p.name) ?? "“?”"} (scopes ${Array.isArray(p.scopes) ? p.scopes.join(", ") : "?"}).`;
    case "api_token.revoked":
      return `${who} revoked the ${p.kind === "SERVICE" ? "service" : "personal API"} token ${quoted(p.name) ?? "“?”"}.`;
    case "audit.exported": {
      const filters = Object.entries((p.filters ?? {}) as Record<string, unknown>).map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(", ") : String(value)}`);
      return `${who} exported the audit log as ${String(p.format ?? "a file").toUpperCase()}${filters.length ? ` (filtered by ${filters.join("; ")})` : " (everything)"}.`;
    }
    case "organization.exported":
      return `${who} downloaded all of the organization's data.`;
    default:
      return `${who}: ${event.type} on ${event.subjectType} ${event.subjectId}.`;
  }
}

/** The label the filters use for a type (the type itself when the catalog does not know it). */
export const typeLabel = (type: string) => (isAuditEventType(type) ? AUDIT_EVENT_TYPES[type].label : type);
