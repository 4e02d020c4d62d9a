import { AppError } from "@/lib/http/errors";
import { lastOwnerRefusal, refusalOf } from "./rules";
import type { MemberChange } from "./rules";
import type { LockedMemberships } from "./lock-memberships";

/** Throws the rule's 403 or 409 when the locked state does not allow the change. */
export function enforceRules({ actor, subject, activeOwnerCount }: LockedMemberships, change: MemberChange): void {
  const refusal = refusalOf(actor, subject, change) ?? lastOwnerRefusal(subject, change, activeOwnerCount);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
