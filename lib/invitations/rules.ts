/**
 * Which roles a member may invite people with: the same grants as changing a
 * role (lib/members/rules.ts): owners grant any role, admins mentors and new
 * hires. Pure, so the dialog offers exactly what the server accepts.
 */
import { can, ROLES } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";

/** Why `actor` may not invite (or resend or revoke an invitation) with `role`, or null. */
export function inviteRefusal(actor: Role, role: Role): string | null {
  if (!can(actor, "member.invite")) return "Only owners and admins can invite people.";
  if (role === "OWNER" && !can(actor, "member.grantOwner")) return "Only owners can invite an owner.";
  if (role === "ADMIN" && !can(actor, "member.manageAdmins")) return "Only owners can invite an admin.";
  return null;
}

export function invitableRoles(actor: Role): Role[] {
  return ROLES.filter((role) => inviteRefusal(actor, role) === null);
}
