/**
 * The one table of who may do what in an organization. The route gate checks
 * it on every request; the UI reads it to hide what a user cannot do (cosmetic:
 * the server check is the one that protects). Object-level rules — a mentor
 * reviews only their mentees' evidence — live in each resource's where-builder.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["OWNER", "ADMIN", "MENTOR", "MEMBER"] as const satisfies readonly Role[];

const EVERYONE = ROLES;
/** Owners and admins: they see and manage everything in their organization. */
export const MANAGER_ROLES = ["OWNER", "ADMIN"] as const satisfies readonly Role[];
const MANAGERS = MANAGER_ROLES;
/** The roles that may mentor a hire (lib/assignments/mentoring.ts holds the rule's queries). */
export const MENTOR_ROLES = ["OWNER", "ADMIN", "MENTOR"] as const satisfies readonly Role[];

/** Whether a member with this role manages the organization. */
export function isManagerRole(role: string | undefined): boolean {
  return (MANAGER_ROLES as readonly string[]).includes(role ?? "");
}

/** Whether a member with this role may mentor (their status aside). */
export function mayMentor(role: string | undefined): boolean {
  return (MENTOR_ROLES as readonly string[]).includes(role ?? "");
}

export const POLICY = {
  "org.read": EVERYONE,
  "org.update": ["OWNER"],
  // Deleting the organization and everything in it (decision 0045).
  "org.delete": ["OWNER"],
  // Downloading all of the organization's data in one document (offered before a deletion).
  "org.export": ["OWNER"],
  "member.read": EVERYONE,
  "member.invite": MANAGERS,
  "member.update": MANAGERS,
  "member.remove": MANAGERS,
  // Granting the OWNER role, and changing, suspending or removing an owner.
  "member.grantOwner": ["OWNER"],
  // Granting the ADMIN role, and changing, suspending or removing an admin.
  "member.manageAdmins": ["OWNER"],
  // Removing oneself; the last active owner is still refused (lib/members).
  "member.leave": EVERYONE,
  "event.read": EVERYONE,
  "track.read": EVERYONE,
  // Importing tracks and starting a new draft of one.
  "track.create": MANAGERS,
  // Renaming a track and editing a draft's nodes.
  "track.edit": MANAGERS,
  // Publishing a draft, which makes it immutable.
  "track.publish": MANAGERS,
  // Assigning tracks, changing an assignment's mentors and dates, archiving it.
  "assignment.create": MANAGERS,
  "assignment.update": MANAGERS,
  // Everyone reads assignments, narrowed per object (lib/assignments/access.ts):
  // managers all of the organization's, mentors their mentees', everyone their own.
  "assignment.read": EVERYONE,
  // Logging progress on one's own assignment (only the assignee: lib/assignments/access.ts).
  "progress.update": EVERYONE,
  // Submitting evidence on one's own item (only the assignee: lib/evidence/access.ts).
  "evidence.submit": EVERYONE,
  // Reviewing evidence: the item's mentors and the organization's owners and admins
  // (lib/evidence/access.ts); never one's own submission.
  "evidence.review": ["OWNER", "ADMIN", "MENTOR"],
  // Writing in an item's thread, on the assignments one sees (lib/comments).
  "comment.write": EVERYONE,
  // Nudging a hire: managers any hire, a mentor their mentees (lib/reminders/nudge.ts); never oneself.
  "assignment.nudge": ["OWNER", "ADMIN", "MENTOR"],
  // The manager's dashboard: every active assignment's progress, forecast and flags, and its CSV export.
  "dashboard.read": MANAGERS,
  // One's own notifications (every query is keyed by the caller).
  "notification.read": EVERYONE,
  // The audit log (every event of the organization, sign-ins included) and its exports.
  "audit.read": MANAGERS,
  // The organization's service tokens (decision 0032): creating, listing, revoking. Never a token's scope.
  "token.manage": ["OWNER"],
  // Outgoing webhooks and Slack channels (lib/webhooks): they send the organization's events elsewhere.
  "integration.manage": ["OWNER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;

export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (POLICY[permission] as readonly Role[]).includes(role);
}

/** Everything a role may do: sent to the browser so it can hide the rest. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}
