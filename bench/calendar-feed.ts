/**
 * Calendar feed benchmark (decision 0030): one hire with BENCH_TRACKS (default 10) active
 * assignments, each of the 703-item seed roadmap with a due on every section and on every
 * item directly under a section, read as a calendar app would (`GET /api/v1/calendar-feeds/{token}`).
 * Reports the time per read, the size, the number of events and of SQL statements (which must not
 * grow with the number of items).
 *
 *   npm run bench:calendar          (or: npx tsx bench/calendar-feed.ts)
 *
 * Knobs: BENCH_TRACKS, BENCH_ITERATIONS (default 30), BENCH_WARMUP (default 3). Figures only.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadAverageLine, ROOT, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const TRACKS = whole("BENCH_TRACKS", 10);
const ITERATIONS = whole("BENCH_ITERATIONS", 30);
const WARMUP = whole("BENCH_WARMUP", 3);

async function main() {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase();
  try {
    const { getDb } = await import("../lib/db/client");
    const { callRoute } = await import("../tests/support/call-route");
    const { countQueries } = await import("../tests/support/count-queries");
    const { organizationWith } = await import("../tests/members/members-fixture");
    const { POST: createTrackRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/route");
    const { POST: publishRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/publish/route");
    const { POST: assignRoute } = await import("../app/api/v1/o/[orgSlug]/assignments/route");
    const { POST: makeLinkRoute } = await import("../app/api/v1/me/calendar-feed/route");
    const { GET: feedRoute } = await import("../app/api/v1/calendar-feeds/[token]/route");
    const db = getDb();
    const seed = readFileSync(path.join(ROOT, "lib/outline/seed/python-backend-roadmap.txt"), "utf8");

    let started = performance.now();
    const { organization, members } = await organizationWith("OWNER", "MEMBER");
    const [owner, hire] = members as [(typeof members)[number], (typeof members)[number]];
    const slug = organization.slug;
    for (let index = 0; index < TRACKS; index++) {
      const created = await callRoute(createTrackRoute, { path: `/api/v1/o/${slug}/tracks`, params: { orgSlug: slug }, cookie: owner.cookie, body: { text: seed, title: `Track ${index + 1}` } });
      const trackId = created.json!.id as string;
      const version = await db.trackVersion.findFirstOrThrow({ where: { trackId }, select: { id: true } });
      // Every section due at the end of week (position + 1); every item under a section on a day from 1 to 60.
      await db.$executeRawUnsafe(`UPDATE "TrackNode" SET "dueUnit" = 'WEEK', "dueCount" = position + 1 WHERE "versionId" = $1 AND kind = 'SECTION'`, version.id);
      await db.$executeRawUnsafe(`UPDATE "TrackNode" SET "dueUnit" = 'DAY', "dueCount" = (ordinal % 60) + 1 WHERE "versionId" = $1 AND kind = 'ITEM' AND depth = 1`, version.id);
      const published = await callRoute(publishRoute, { path: `/api/v1/o/${slug}/tracks/${trackId}/versions/1/publish`, params: { orgSlug: slug, trackId, number: "1" }, cookie: owner.cookie });
      if (published.status !== 200) throw new Error(`publish answered ${published.status}`);
      const assigned = await callRoute(assignRoute, {
        path: `/api/v1/o/${slug}/assignments`,
        params: { orgSlug: slug },
        cookie: owner.cookie,
        body: { trackId, assigneeIds: [hire.userId], mentorIds: [owner.userId], startDate: "2027-01-04", dueDate: "2027-06-30" },
      });
      if (assigned.status !== 201) throw new Error(`assign answered ${assigned.status} ${assigned.text}`);
    }
    const made = await callRoute(makeLinkRoute, { path: "/api/v1/me/calendar-feed", cookie: hire.cookie });
    const token = new URL(made.json!.url as string).pathname.split("/").pop()!;
    console.log(`Set up ${TRACKS} assignments of the seed roadmap in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    // Each read comes from its own address (as callRoute does), so the per-address limit never counts them together;
    // the per-link limit (60 an hour) would, so it is lifted for the benchmark.
    const limits = await import("../lib/security/limits");
    for (const limit of limits.CALENDAR_FEED_RATE_LIMITS) (limit as { points: number }).points = 1_000_000;
    const read = () => callRoute(feedRoute, { path: `/api/v1/calendar-feeds/${token}`, params: { token } });
    const first = await read();
    if (first.status !== 200) throw new Error(`the feed answered ${first.status}`);
    const events = (first.text.match(/^BEGIN:VEVENT/gm) ?? []).length;
    for (let index = 0; index < WARMUP; index++) await read();
    const samples: number[] = [];
    for (let index = 0; index < ITERATIONS; index++) {
      started = performance.now();
      await read();
      samples.push(performance.now() - started);
    }
    const counted = await countQueries(() => read());

    console.log("");
    console.log(`Calendar feed, ${TRACKS} assignments × 703 items, ${ITERATIONS} samples after ${WARMUP} warm-ups (ms):`);
    console.log(`  GET /calendar-feeds/{token}   ${spread(samples)}   (${events} events, ${(first.text.length / 1024).toFixed(0)} KiB)`);
    console.log(`SQL statements per read: ${counted.statements.length}.`);
    console.log(await loadAverageLine(loadBefore));
  } finally {
    await database.stop();
  }
}

runBenchmark(main);
