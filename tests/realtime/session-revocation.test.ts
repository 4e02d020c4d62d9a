/**
 * Ending a session ends its live sockets too (issue 13). "Sign out" records the
 * session's id as ended: that cookie, and any copy of it, is refused by HTTP and
 * by the socket handshake, and its open sockets close on every instance. Bumping
 * the session version (sign out everywhere, a password change or reset) closes
 * every socket opened with an older session on every instance, within 5 s, and
 * none opened with a newer one.
 */
import { hash } from "@node-rs/argon2";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { POST as revokeRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { POST as confirmResetRoute } from "@/app/api/v1/password-resets/confirm/route";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { authenticateCookieHeader, SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { sql, withTransaction } from "@/lib/db/sql";
import { pruneEndedSessions, pruneEndedSessionsJob } from "@/lib/maintenance/prune-ended-sessions";
import { ACCESS_CHANNEL } from "@/lib/realtime/event-relay";
import { postAuthAction, sessionAction, signOutAction } from "../auth/next-auth-client";
import { callRoute } from "../support/call-route";
import { createUser, sessionCookieFor } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { closedWithin, until, useLiveInstances } from "../support/live-instances";
import type { Instance } from "../support/live-instances";

const live = useLiveInstances(2);
const PASSWORD = "amber kettle forest 19";

async function userWithPassword(password = PASSWORD) {
  const user = await createUser();
  return getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hash(password) } });
}

/** Signs in through next-auth's credentials callback, as the sign-in form does: a real session cookie. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const { sessionCookie } = await postAuthAction("callback", "credentials", { email, password });
  expect(sessionCookie).not.toBeNull();
  return sessionCookie!;
}

const me = (cookie: string) => callRoute(meRoute, { cookie });
const sessionIdOf = async (cookie: string) => (await authenticateCookieHeader(cookie))!.session.id;
const refusal = (cookie: string, instance: Instance) => live.follow(cookie, instance).then(
  () => "connected",
  (error: { data?: { code?: string } }) => error.data?.code,
);

/**
 * Sends `payload` on the access channel again, as an instance whose delivery
 * lagged would receive it, then ends a sentinel session; once the sentinel's
 * sockets are closed on every instance, every instance has handled the repeat
 * (one connection delivers notifications in order).
 */
async function deliverLate(payload: string, instances: readonly Instance[]) {
  const sentinel = await sessionCookieFor(await createUser());
  const sockets = await Promise.all(instances.map((instance) => live.follow(sentinel, instance)));
  const sentinelSession = `session:${await sessionIdOf(sentinel)}`;
  await withTransaction(async (runner) => {
    await runner.rows(sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${payload})`);
    await runner.rows(sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${sentinelSession})`);
  });
  for (const socket of sockets) expect(await closedWithin(socket)).toBe("io server disconnect");
}

describe("signing out", () => {
  it("ends that session on the server: the cookie is refused by HTTP and the handshake, its sockets on both instances close within 5 s, the user's other session stays", async () => {
    const user = await userWithPassword();
    const cookie = await signIn(user.email);
    const other = await signIn(user.email);
    const [a0, a1, b1] = [await live.follow(cookie, live.instances[0]!), await live.follow(cookie, live.instances[1]!), await live.follow(other, live.instances[1]!)];
    // Used once before: its decoded token is cached, which must not keep it alive.
    expect((await me(cookie)).status).toBe(200);
    const sessionId = await sessionIdOf(cookie);

    const answer = await signOutAction(cookie);
    expect(answer.status).toBe(200);
    expect(answer.cookies[sessionCookieName()]).toBe("");
    expect(await closedWithin(a0)).toBe("io server disconnect");
    expect(await closedWithin(a1)).toBe("io server disconnect");

    // The stolen copy of the cookie (the browser's own is gone) is refused everywhere.
    const after = await me(cookie);
    expect(after.status).toBe(401);
    expect(after.json!.error.code).toBe("UNAUTHENTICATED");
    expect(await refusal(cookie, live.instances[0]!)).toBe("UNAUTHENTICATED");
    // The other session (another browser) is untouched, socket included.
    expect(b1.socket.connected).toBe(true);
    expect((await me(other)).status).toBe(200);

    const ended = await getDb().endedSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(ended.userId).toBe(user.id);
    // Kept until the session could not be used anyway: its sign-in (just now) plus the maximum age.
    const keptFor = ended.expiresAt.getTime() - Date.now();
    expect(keptFor).toBeGreaterThan((SESSION_MAX_AGE_SECONDS - 60) * 1000);
    expect(keptFor).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS * 1000);
  });

  it("also refuses a copy of the cookie that next-auth re-issued with a later expiry", async () => {
    const user = await userWithPassword();
    const cookie = await signIn(user.email);
    // Reading /api/auth/session re-issues the cookie (same session, later expiry): what a thief can do with a copy.
    const reissued = await sessionAction(cookie);
    expect(reissued).not.toBeNull();
    expect(reissued).not.toBe(cookie);
    expect((await me(reissued!)).status).toBe(200);

    expect((await signOutAction(cookie)).status).toBe(200);
    expect((await me(reissued!)).status).toBe(401);
  });

  it("refuses a token from before sessions had ids (signing out could not end it), and one older than the maximum age", async () => {
    const user = await createUser();
    const secret = getConfig().NEXTAUTH_SECRET!;
    const legacy = `${sessionCookieName()}=${await encode({ token: { sub: user.id, sv: user.sessionVersion, email: user.email }, secret })}`;
    expect((await me(legacy)).status).toBe(401);
    expect(await refusal(legacy, live.instances[0]!)).toBe("UNAUTHENTICATED");

    // A fresh cookie (re-issued: a later exp) of a session that signed in 31 days ago.
    const signedInAt = Math.floor(Date.now() / 1000) - 31 * 24 * 3600;
    const stale = `${sessionCookieName()}=${await encode({ token: { sub: user.id, sv: user.sessionVersion, sid: "old-session-id", sat: signedInAt }, secret })}`;
    expect((await me(stale)).status).toBe(401);
    // The same session signed in a day ago is fine: the refusal is the age.
    const recent = `${sessionCookieName()}=${await encode({ token: { sub: user.id, sv: user.sessionVersion, sid: "recent-session-id", sat: signedInAt + 30 * 24 * 3600 }, secret })}`;
    expect((await me(recent)).status).toBe(200);
  });

  it("forgets ended sessions once they could not be used anyway, hourly", async () => {
    const user = await createUser();
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    await getDb().endedSession.createMany({
      data: [
        { id: `gone-${user.id}-1`, userId: user.id, expiresAt: at(-1) },
        { id: `gone-${user.id}-2`, userId: user.id, expiresAt: at(-48) },
        { id: `kept-${user.id}`, userId: user.id, expiresAt: at(1) },
      ],
    });
    expect(await pruneEndedSessions()).toBe(2);
    expect((await getDb().endedSession.findMany({ where: { userId: user.id } })).map((row) => row.id)).toEqual([`kept-${user.id}`]);

    const queue = await startTestJobQueue({ jobs: [pruneEndedSessionsJob] });
    try {
      expect(await queue.boss.getSchedules()).toEqual([expect.objectContaining({ name: "maintenance.prune-ended-sessions", cron: "47 * * * *" })]);
    } finally {
      await stopTestJobQueue(queue);
    }
  });
});

describe("revoking every session (session version)", () => {
  it("sign out everywhere closes every session's sockets on both instances within 5 s; a session signed in afterwards keeps its socket, even when the notice reaches an instance late", async () => {
    const user = await userWithPassword();
    const [first, second] = [await signIn(user.email), await signIn(user.email)];
    const old = [await live.follow(first, live.instances[0]!), await live.follow(first, live.instances[1]!), await live.follow(second, live.instances[1]!)];
    const bystander = await live.follow(await sessionCookieFor(await createUser()), live.instances[0]!);

    expect((await callRoute(revokeRoute, { cookie: first })).status).toBe(200);
    for (const socket of old) expect(await closedWithin(socket)).toBe("io server disconnect");
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    expect(await refusal(second, live.instances[1]!)).toBe("UNAUTHENTICATED");

    // Signed in again: the new session's sockets stay, even if the revocation arrives after them.
    const fresh = await signIn(user.email);
    const kept = [await live.follow(fresh, live.instances[0]!), await live.follow(fresh, live.instances[1]!)];
    const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    await deliverLate(`user:${user.id}:${sessionVersion}`, live.instances);
    expect(kept.map((socket) => socket.socket.connected)).toEqual([true, true]);
    expect(bystander.socket.connected).toBe(true);
    expect((await me(fresh)).status).toBe(200);
  });

  it("a password change closes the old sessions' sockets; the browser signs in again with the new password and keeps its new socket", async () => {
    const user = await userWithPassword();
    const cookie = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const old = [await live.follow(cookie, live.instances[0]!), await live.follow(elsewhere, live.instances[1]!)];

    const changed = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: PASSWORD, newPassword: "violet canyon piano 73" } });
    expect(changed.status).toBe(200);
    for (const socket of old) expect(await closedWithin(socket)).toBe("io server disconnect");

    const renewed = await signIn(user.email, "violet canyon piano 73");
    const socket = await live.follow(renewed, live.instances[1]!);
    const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    await deliverLate(`user:${user.id}:${sessionVersion}`, live.instances);
    expect(socket.socket.connected).toBe(true);
    expect((await me(renewed)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
  });

  it("a password reset closes every session's sockets on both instances within 5 s", async () => {
    const user = await userWithPassword();
    const cookies = [await signIn(user.email), await sessionCookieFor(user)];
    const sockets = [await live.follow(cookies[0]!, live.instances[0]!), await live.follow(cookies[1]!, live.instances[1]!)];
    const token = newResetToken();
    await getDb().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry() } });

    expect((await callRoute(confirmResetRoute, { body: { token, password: "violet canyon piano 73" } })).status).toBe(200);
    for (const socket of sockets) expect(await closedWithin(socket)).toBe("io server disconnect");
    for (const cookie of cookies) expect((await me(cookie)).status).toBe(401);
  });

  it("closes a socket whose handshake read the session just before it was revoked", async () => {
    const user = await userWithPassword();
    const cookie = await signIn(user.email);
    // An instance whose handshake for this cookie stops after reading the session, until released.
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const readDone = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = await live.start({
      async authenticate(header) {
        const found = await authenticateCookieHeader(header);
        if (header === cookie) {
          reached();
          await released;
        }
        return found;
      },
    });

    const connecting = live.follow(cookie, slow);
    await readDone;
    expect((await callRoute(revokeRoute, { cookie })).status).toBe(200);
    // The slow instance has handled the revocation (found no socket to close) before the handshake joins.
    const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    await deliverLate(`user:${user.id}:${sessionVersion}`, [slow]);
    release();
    const socket = await connecting;
    expect(await closedWithin(socket)).toBe("io server disconnect");
    await until(() => slow.io.of("/").sockets.size === 0, "the slow instance to hold no socket");
  });
});
