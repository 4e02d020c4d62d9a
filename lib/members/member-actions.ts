/**
 * What the members page offers a viewer on one row. Derived from the same
 * rules the server enforces (rules.ts), so a hidden action is one the server
 * would refuse; hiding is cosmetic, the server still decides.
 */
import { ROLES } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { lastOwnerRefusal, refusalOf } from "./rules";
import type { MemberActor, MemberChange, MemberSubject } from "./rules";

export interface MemberViewer extends MemberActor {
  /** Active owners in the organization, when known: hides "leave" from the last one. */
  activeOwnerCount?: number;
}

export interface MemberActions {
  /** Roles the viewer may give the target, its current role excluded. */
  roles: Role[];
  suspend: boolean;
  reactivate: boolean;
  /** Remove someone else. */
  remove: boolean;
  /** Remove oneself. */
  leave: boolean;
}

export function memberActions(viewer: MemberViewer, target: MemberSubject): MemberActions {
  const allowed = (change: MemberChange) =>
    refusalOf(viewer, target, change) === null &&
    (viewer.activeOwnerCount === undefined || lastOwnerRefusal(target, change, viewer.activeOwnerCount) === null);
  const self = viewer.membershipId === target.membershipId;
  return {
    roles: ROLES.filter((role) => role !== target.role && allowed({ kind: "role", role })),
    suspend: target.status === "ACTIVE" && allowed({ kind: "status", status: "SUSPENDED" }),
    reactivate: target.status === "SUSPENDED" && allowed({ kind: "status", status: "ACTIVE" }),
    remove: !self && allowed({ kind: "remove" }),
    leave: self && allowed({ kind: "remove" }),
  };
}

export function hasAnyAction(actions: MemberActions): boolean {
  return actions.roles.length > 0 || actions.suspend || actions.reactivate || actions.remove || actions.leave;
}
