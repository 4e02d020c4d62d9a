/**
 * An instance whose LISTEN connection dropped missed the access notices sent
 * meanwhile (a sign-out, a suspension): once it listens again it closes every
 * socket it holds, so each reconnects through the handshake (a session ended
 * meanwhile stays out) and replays what it missed.
 */
import { describe, expect, it } from "vitest";
import { POST as revokeRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { queryRows, sql } from "@/lib/db/sql";
import { callRoute } from "../support/call-route";
import { createUser, sessionCookieFor } from "../support/factories";
import { closedWithin, useLiveInstances } from "../support/live-instances";

const live = useLiveInstances(1);

describe("the event relay after its connection dropped", () => {
  it("closes every socket once it listens again; a session revoked meanwhile cannot come back", async () => {
    const [revoked, kept] = [await createUser(), await createUser()];
    const [revokedCookie, keptCookie] = [await sessionCookieFor(revoked), await sessionCookieFor(kept)];
    const sockets = [await live.follow(revokedCookie, live.instances[0]!), await live.follow(keptCookie, live.instances[0]!)];

    // The relay's connection (this file's database; the only one listening here) goes away, and while
    // it is away a session is revoked: its notice reaches nobody.
    const [dropped] = await queryRows<{ done: boolean }>(sql`
      SELECT bool_and(pg_terminate_backend(pid)) AS done FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`);
    expect(dropped!.done).toBe(true);
    expect((await callRoute(revokeRoute, { cookie: revokedCookie })).status).toBe(200);

    for (const socket of sockets) expect(await closedWithin(socket, 10_000)).toBe("io server disconnect");
    // The live session reconnects; the revoked one is refused at the handshake.
    expect((await live.follow(keptCookie, live.instances[0]!)).socket.connected).toBe(true);
    await expect(live.follow(revokedCookie, live.instances[0]!)).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });
});
