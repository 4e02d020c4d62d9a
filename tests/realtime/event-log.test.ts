/**
 * GET /api/v1/o/{slug}/events/log (decision 0025): the whole event log in pages,
 * never a resync, while the live replay (…/events?after=) keeps its resync rule.
 */
import { describe, expect, it } from "vitest";
import { GET as eventLogRoute } from "@/app/api/v1/o/[orgSlug]/events/log/route";
import { GET as eventsRoute } from "@/app/api/v1/o/[orgSlug]/events/route";
import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import { recordEvents } from "@/lib/db/events";
import { encodeCursorParts } from "@/lib/http/cursor";
import { encodeEventLogCursor } from "@/lib/events/event-log-cursor";
import { REPLAY_MAX } from "@/lib/events/schema";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { callRoute } from "../support/call-route";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";

async function orgWithEvents(count: number) {
  const { organization, user } = await createOrgWithMember("OWNER");
  const events = Array.from({ length: count }, (_, index) => ({ type: "test.happened", actorId: user.id, subjectType: "organization", subjectId: organization.id, payload: { index } }));
  await getDb().$transaction((tx) => recordEvents(prismaRunner(tx), organization.id, events));
  return { slug: organization.slug, organizationId: organization.id, cookie: await sessionCookieFor(user) };
}

function readLog(org: { slug: string; cookie: string }, query: string) {
  return callRoute(eventLogRoute, { path: `/api/v1/o/${org.slug}/events/log?${query}`, params: { orgSlug: org.slug }, cookie: org.cookie });
}

const issuePaths = (answer: { json?: Record<string, any> }) => (answer.json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path);

describe("GET /events/log", () => {
  it(`pages through more than ${REPLAY_MAX} events, every one exactly once and in order, where the replay answers resync`, async () => {
    const total = 2 * REPLAY_MAX + 123;
    const org = await orgWithEvents(total);

    const replay = await callRoute(eventsRoute, { path: `/api/v1/o/${org.slug}/events?after=0`, params: { orgSlug: org.slug }, cookie: org.cookie });
    expect(replay.json).toMatchObject({ items: [], resync: true, latestSequence: total });

    const seen: WireEvent[] = [];
    let query = `limit=${REPLAY_MAX}`;
    let pages = 0;
    for (;;) {
      const page = await readLog(org, query);
      expect(page.status).toBe(200);
      expect(page.json!.latestSequence).toBe(total);
      expect(page.json!.resync).toBeUndefined();
      seen.push(...(page.json!.items as WireEvent[]));
      pages += 1;
      if (page.json!.nextCursor === null) break;
      query = `limit=${REPLAY_MAX}&cursor=${page.json!.nextCursor as string}`;
    }
    expect(pages).toBe(3);
    expect(seen.map((event) => event.sequence)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect(seen.map((event) => event.payload.index)).toEqual(Array.from({ length: total }, (_, index) => index));

    // `after` starts part-way; the default page is bounded too.
    const later = await readLog(org, `after=${total - 3}`);
    expect((later.json!.items as WireEvent[]).map((event) => event.sequence)).toEqual([total - 2, total - 1, total]);
    expect(later.json!.nextCursor).toBeNull();
    expect((await readLog(org, "")).json!.items).toHaveLength(100);
    expect((await readLog(org, `after=${total}`)).json).toMatchObject({ items: [], nextCursor: null, latestSequence: total });
  });

  it("bounds the page and refuses forged cursors, another organization's cursor, and after with cursor (422)", async () => {
    const org = await orgWithEvents(5);
    const other = await orgWithEvents(5);

    for (const limit of ["0", String(REPLAY_MAX + 1), "x"]) {
      const answer = await readLog(org, `limit=${limit}`);
      expect(answer.status, limit).toBe(422);
      expect(issuePaths(answer)).toEqual(["query.limit"]);
    }

    const forged = [
      "not-a-cursor",
      encodeCursorParts([org.organizationId, "-1"]),
      encodeCursorParts([org.organizationId, "1e3"]),
      encodeCursorParts([org.organizationId, "99999999999999999999"]),
      encodeCursorParts([org.organizationId]),
      Buffer.from(JSON.stringify([org.organizationId, 2])).toString("base64url"),
    ];
    for (const cursor of forged) {
      const answer = await readLog(org, `cursor=${encodeURIComponent(cursor)}`);
      expect(answer.status, cursor).toBe(422);
      expect(issuePaths(answer)).toEqual(["query.cursor"]);
    }

    // A cursor the other organization's log issued: refused here, accepted there.
    const otherPage = await readLog(other, "limit=2");
    const otherCursor = otherPage.json!.nextCursor as string;
    expect(otherCursor).toEqual(encodeEventLogCursor({ organizationId: other.organizationId, sequence: 2 }));
    const carried = await readLog(org, `cursor=${otherCursor}`);
    expect(carried.status).toBe(422);
    expect(issuePaths(carried)).toEqual(["query.cursor"]);
    expect((await readLog(other, `cursor=${otherCursor}`)).json!.items.map((event: WireEvent) => event.sequence)).toEqual([3, 4, 5]);

    const both = await readLog(org, `after=1&cursor=${encodeEventLogCursor({ organizationId: org.organizationId, sequence: 2 })}`);
    expect(both.status).toBe(422);
    expect(issuePaths(both)).toEqual(["query.after"]);
  });

  it("is 404 for another organization's owner, whose own log stays their own", async () => {
    const org = await orgWithEvents(3);
    const outsider = await orgWithEvents(2);
    const answer = await callRoute(eventLogRoute, { path: `/api/v1/o/${org.slug}/events/log`, params: { orgSlug: org.slug }, cookie: outsider.cookie });
    expect(answer.status).toBe(404);
    expect(answer.json!.error.code).toBe("NOT_FOUND");
    expect(JSON.stringify(answer.json)).not.toContain(org.organizationId);
    const own = await readLog(outsider, "");
    expect((own.json!.items as WireEvent[]).every((event) => event.subjectId === outsider.organizationId)).toBe(true);
  });
});
