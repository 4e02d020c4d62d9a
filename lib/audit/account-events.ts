/**
 * Security events of an account (sign-ins, failed sign-ins, sign-outs, password
 * changes, "sign out everywhere") reach the audit log of each organization the
 * account is an ACTIVE member of, as one Event row per organization, at the moment
 * it happens (docs/decisions/0026-audit-log.md). Each row carries only the account
 * event itself (method, reason, client address): nothing of any other organization.
 * An account with no active membership leaves nothing; a failed sign-in for an
 * address with no account leaves nothing anywhere.
 *
 * The organizations' event counters are locked in id order, so two accounts' events
 * written at once never deadlock on each other's organizations.
 */
import type { DbClient } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/observability/logger";

export type AccountEventType = "security.signed_in" | "security.sign_in_failed" | "security.signed_out" | "security.sessions_revoked" | "security.password_changed";

export interface AccountEvent {
  userId: string;
  type: AccountEventType;
  /** Who did it: the user themself, or null when nobody signed in did (a failed sign-in). */
  actorId: string | null;
  payload?: Prisma.InputJsonObject;
}

/** Inside the caller's transaction: one Event per organization the user is an active member of. */
export async function recordAccountEvent(tx: DbClient, event: AccountEvent): Promise<number> {
  const memberships = await tx.membership.findMany({
    where: { userId: event.userId, status: "ACTIVE" },
    select: { organizationId: true },
    orderBy: { organizationId: "asc" },
  });
  for (const { organizationId } of memberships) {
    await recordEvent(tx, { organizationId, type: event.type, actorId: event.actorId, subjectType: "user", subjectId: event.userId, payload: event.payload ?? {} });
  }
  return memberships.length;
}

/** In a transaction of its own (when nothing else is being written). */
export function recordAccountEventNow(event: AccountEvent): Promise<number> {
  return getDb().$transaction((tx) => recordAccountEvent(tx, event));
}

const pending = new Set<Promise<unknown>>();

/**
 * A failed password sign-in, recorded after the answer: the sign-in must take as long
 * for an address with an account as for one without (no account oracle, decision
 * 0017), so the lookup and the write happen off the request's path. Failures are
 * logged, never thrown (the sign-in has already been refused).
 */
export function recordFailedSignInLater(email: string, payload: Prisma.InputJsonObject): void {
  const work = (async () => {
    const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!user) return;
    await recordAccountEventNow({ userId: user.id, type: "security.sign_in_failed", actorId: null, payload });
  })().catch((error: unknown) => getLogger().error({ err: error }, "a failed sign-in could not be recorded in the audit log"));
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/** Resolves once every failed sign-in recorded so far is written (tests, shutdown). */
export async function settleFailedSignIns(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

export type SignInMethod = "password" | "email-link" | "github";

/**
 * What next-auth's `authorize` (and the OAuth `jwt` callback) report: a sign-in that
 * worked is written before the session is issued; a wrong password (the account
 * exists, or not: decided later) is recorded off the request's path. An email link
 * that does not work names no account, so it is not recorded.
 */
export async function auditSignIn<T extends { id: string }>(user: T | null, attempt: { method: SignInMethod; email?: string; ip?: string }): Promise<T | null> {
  const where = attempt.ip ? { ip: attempt.ip } : {};
  if (user) await recordAccountEventNow({ userId: user.id, type: "security.signed_in", actorId: user.id, payload: { method: attempt.method, ...where } });
  else if (attempt.email) recordFailedSignInLater(attempt.email, { method: attempt.method, reason: "wrong-password", ...where });
  return user;
}
