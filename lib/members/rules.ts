/**
 * Who may change whom: the object-level rules on top of the policy table's
 * member.* permissions. Pure, so the service (which enforces them on rows it has
 * locked) and the members page (which hides what would be refused) cannot disagree.
 */
import { can } from "@/lib/authz/policy";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

export const MEMBERSHIP_STATUSES = ["ACTIVE", "SUSPENDED"] as const satisfies readonly MembershipStatus[];

/** The member acting: their membership and role in the organization. */
export interface MemberActor {
  membershipId: string;
  role: Role;
}

/** The membership being changed. */
export interface MemberSubject {
  membershipId: string;
  role: Role;
  status: MembershipStatus;
}

export type MemberChange = { kind: "role"; role: Role } | { kind: "status"; status: MembershipStatus } | { kind: "remove" };

export interface Refusal {
  code: "FORBIDDEN" | "CONFLICT";
  message: string;
}

const forbidden = (message: string): Refusal => ({ code: "FORBIDDEN", message });

export const LAST_OWNER_REFUSAL: Refusal = {
  code: "CONFLICT",
  message: "An organization needs at least one active owner. Make someone else an owner first.",
};

/**
 * Why `actor` may not make `change` to `subject`, or null when they may. The
 * last-owner rule needs the current owner count, so it is `lastOwnerRefusal`.
 */
export function refusalOf(actor: MemberActor, subject: MemberSubject, change: MemberChange): Refusal | null {
  if (actor.membershipId === subject.membershipId) {
    if (change.kind === "remove") return can(actor.role, "member.leave") ? null : forbidden("You cannot leave this organization.");
    return forbidden("You cannot change your own role or status. Ask another owner or admin.");
  }

  if (change.kind === "remove" && !can(actor.role, "member.remove")) return forbidden("Only owners and admins can remove members.");
  if (change.kind !== "remove" && !can(actor.role, "member.update")) return forbidden("Only owners and admins can change roles or suspend members.");

  const grants = change.kind === "role" ? change.role : undefined;
  if (subject.role === "OWNER" && !can(actor.role, "member.grantOwner")) return forbidden("Only owners can change, suspend or remove an owner.");
  if (grants === "OWNER" && !can(actor.role, "member.grantOwner")) return forbidden("Only owners can make someone an owner.");
  if (subject.role === "ADMIN" && !can(actor.role, "member.manageAdmins")) return forbidden("Only owners can change, suspend or remove an admin.");
  if (grants === "ADMIN" && !can(actor.role, "member.manageAdmins")) return forbidden("Only owners can make someone an admin.");
  return null;
}

/** Whether the change takes an active owner away: demoting, suspending or removing one. */
export function removesActiveOwner(subject: MemberSubject, change: MemberChange): boolean {
  if (subject.role !== "OWNER" || subject.status !== "ACTIVE") return false;
  if (change.kind === "role") return change.role !== "OWNER";
  if (change.kind === "status") return change.status !== "ACTIVE";
  return true;
}

/** The 409 for a change that would leave the organization without an active owner. */
export function lastOwnerRefusal(subject: MemberSubject, change: MemberChange, activeOwnerCount: number): Refusal | null {
  return removesActiveOwner(subject, change) && activeOwnerCount <= 1 ? LAST_OWNER_REFUSAL : null;
}
