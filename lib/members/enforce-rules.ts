import { assertTokenScope } from "@/lib/api-tokens/token-scope";
import type { RequestToken } from "@/lib/api-tokens/request-token";
import type { Permission } from "@/lib/authz/policy";
import { AppError } from "@/lib/http/errors";
import { lastOwnerRefusal, refusalOf } from "./rules";
import type { MemberChange } from "./rules";
import type { LockedMemberships } from "./lock-memberships";

/** Throws the rule's 403 or 409 when the locked state does not allow the change. */
export function enforceRules({ actor, subject, activeOwnerCount }: LockedMemberships, change: MemberChange, apiToken?: RequestToken): void {
  const refusal = refusalOf(actor, subject, change) ?? lastOwnerRefusal(subject, change, activeOwnerCount);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  // A token needs the scope of each permission the rules just checked against the role (decision 0032).
  if (apiToken && actor.membershipId !== subject.membershipId) {
    const needed: Permission[] = [change.kind === "remove" ? "member.remove" : "member.update"];
    const grants = change.kind === "role" ? change.role : undefined;
    if (subject.role === "OWNER" || grants === "OWNER") needed.push("member.grantOwner");
    if (subject.role === "ADMIN" || grants === "ADMIN") needed.push("member.manageAdmins");
    for (const permission of needed) assertTokenScope({ apiToken }, permission);
  }
}
