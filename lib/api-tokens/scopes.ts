/**
 * What a token's scopes may name: the policy table's permissions (lib/authz/policy.ts),
 * but for managing tokens themselves, which no token can do. Pure, so the settings
 * pages use the same list and labels.
 */
import { PERMISSIONS, permissionsOf } from "@/lib/authz/policy";
import type { Permission } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const NEVER_A_SCOPE = ["token.manage"] as const satisfies readonly Permission[];

export const TOKEN_SCOPES: readonly Permission[] = PERMISSIONS.filter((permission) => !(NEVER_A_SCOPE as readonly Permission[]).includes(permission));

/** The scopes a member with `role` may give a token (a token never exceeds its member's role). */
export function grantableScopes(role: Role): Permission[] {
  return permissionsOf(role).filter((permission) => !(NEVER_A_SCOPE as readonly Permission[]).includes(permission));
}

// Every permission has a label (the type says so), so a new one cannot reach the settings page unnamed.
const SCOPE_LABELS: Record<Exclude<Permission, (typeof NEVER_A_SCOPE)[number]>, string> = {
  "org.read": "Read the organization",
  "org.update": "Rename the organization and change its settings",
  "org.delete": "Delete the organization",
  "org.export": "Download all of the organization's data",
  "member.read": "List members",
  "member.invite": "Invite people",
  "member.update": "Change roles, suspend and reactivate members",
  "member.remove": "Remove members",
  "member.grantOwner": "Grant the owner role; change or remove owners",
  "member.manageAdmins": "Grant the admin role; change or remove admins",
  "member.leave": "Leave the organization",
  "event.read": "Read the activity and event log",
  "track.read": "Read tracks",
  "track.create": "Import tracks and start drafts",
  "track.edit": "Edit drafts",
  "track.publish": "Publish drafts",
  "assignment.create": "Assign tracks",
  "assignment.update": "Change and archive assignments",
  "assignment.read": "Read assignments",
  "assignment.nudge": "Nudge hires",
  "progress.update": "Log progress on one's own assignments",
  "evidence.submit": "Submit evidence",
  "evidence.review": "Review evidence",
  "comment.write": "Write comments",
  "dashboard.read": "Read the manager's dashboard",
  "notification.read": "Read notifications",
  "audit.read": "Read and export the audit log",
  "integration.manage": "Manage webhooks and Slack channels (they receive the organization's events)",
};

/** A short sentence for a scope (its own name for anything that is not one). */
export function scopeLabel(permission: string): string {
  return SCOPE_LABELS[permission as keyof typeof SCOPE_LABELS] ?? permission;
}

/** Expiry choices the settings pages offer (days; null: never). */
export const EXPIRY_CHOICES: ReadonlyArray<{ days: number | null; label: string }> = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never" },
];
