/**
 * Manager dashboard benchmark (issue 8, "Speed"): the dashboard of an organization
 * with 1,000 hires on the 703-item seed roadmap, every item of every hire with a
 * progress row (≈690,000 rows), a spread of progress, items in progress and
 * evidence attempts. Target: p95 ≤ 50 ms server time, and a constant number of
 * SQL statements whatever the number of hires.
 *
 *   npm run bench:manager          (or: npx tsx bench/manager-dashboard.ts)
 *
 * It also times, once, what the design avoids (docs/decisions/0012-dashboard-counters.md):
 * counting the progress rows in SQL per request, and counting every assignment
 * in Node (what a first read does for assignments with no stored counts).
 *
 * Knobs: BENCH_HIRES (default 1000), BENCH_ITERATIONS (default 30), BENCH_WARMUP
 * (default 3). Figures only; see bench/README.md.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { assignedHires } from "./support/assigned-hires";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const HIRES = whole("BENCH_HIRES", 1000);
const ITERATIONS = whole("BENCH_ITERATIONS", 30);
const WARMUP = whole("BENCH_WARMUP", 3);

async function main() {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase();
  try {
    const { getDb } = await import("../lib/db/client");
    const { callRoute } = await import("../tests/support/call-route");
    const { countQueries } = await import("../tests/support/count-queries");
    const { sessionCookieFor } = await import("../tests/support/factories");
    const { GET: dashboardRoute } = await import("../app/api/v1/o/[orgSlug]/dashboards/manager/route");
    const { GET: exportRoute } = await import("../app/api/v1/o/[orgSlug]/dashboards/manager/export/route");
    const db = getDb();

    let started = performance.now();
    const setup = await assignedHires(HIRES);
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: setup.slug }, select: { id: true } });
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, role: "OWNER" }, select: { user: true } });
    const cookie = await sessionCookieFor(owner.user);
    console.log(`Set up ${HIRES} hires with assignments in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    // Every item of the roadmap (703, of which the leaves count) gets a row, as after a hire has touched them all.
    const items = await db.$queryRawUnsafe<Array<{ stableKey: string }>>(
      `SELECT n."stableKey" FROM "TrackNode" n JOIN "Assignment" a ON a."versionId" = n."versionId" WHERE a.id = $1 AND n.kind = 'ITEM' ORDER BY n.ordinal`,
      setup.hires[0]!.assignmentId,
    );
    started = performance.now();
    const rows = await fillHistory(organization.id, items.map((item) => item.stableKey));
    console.log(`Wrote ${rows.progress.toLocaleString("en")} progress rows and ${rows.attempts.toLocaleString("en")} evidence attempts in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const call = (route: typeof dashboardRoute, path: string) => callRoute(route, { path: `/api/v1/o/${setup.slug}/dashboards/manager${path}`, params: { orgSlug: setup.slug }, cookie });

    // What a first read costs when no assignment has stored counts yet (after the migration that added them).
    started = performance.now();
    const first = await call(dashboardRoute, "");
    if (first.status !== 200) throw new Error(`the dashboard answered ${first.status}`);
    const recountMs = performance.now() - started;

    // The alternative: count in SQL on every request (the track's counts only, without sections,
    // skips or not-applicable rules: a lower bound for doing it all in SQL).
    const sqlAggregate: number[] = [];
    for (let index = 0; index < 5; index++) {
      started = performance.now();
      await db.$queryRawUnsafe(
        `SELECT "assignmentId", count(*) FILTER (WHERE state = 'DONE')::int AS done, count(*) FILTER (WHERE state = 'IN_PROGRESS')::int AS "inProgress",
                count(*) FILTER (WHERE state = 'NOT_APPLICABLE')::int AS "notApplicable"
         FROM "ItemProgress" WHERE "organizationId" = $1 AND "archivedAt" IS NULL GROUP BY 1`,
        organization.id,
      );
      sqlAggregate.push(performance.now() - started);
    }

    const time = async (route: typeof dashboardRoute, path: string) => {
      for (let index = 0; index < WARMUP; index++) await call(route, path);
      const samples: number[] = [];
      let bytes = 0;
      for (let index = 0; index < ITERATIONS; index++) {
        const begin = performance.now();
        const answer = await call(route, path);
        samples.push(performance.now() - begin);
        if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
        bytes = answer.text.length;
      }
      return { samples, bytes };
    };
    const all = await time(dashboardRoute, "");
    const filtered = await time(dashboardRoute, `?cohort=${rows.cohort}`);
    const csv = await time(exportRoute, "/export");
    const counted = await countQueries(() => call(dashboardRoute, ""));
    const fewer = await countQueries(() => call(dashboardRoute, `?cohort=${rows.cohort}`));

    console.log("");
    console.log(`Manager dashboard, ${HIRES} hires × ${items.length} items (${setup.leafKeys.length} of them leaves), ${ITERATIONS} samples after ${WARMUP} warm-ups (ms; target p95 ≤ 50):`);
    console.log(`  GET /dashboards/manager            ${spread(all.samples)}   (${(all.bytes / 1024).toFixed(0)} KiB)`);
    console.log(`  GET …?cohort=${rows.cohort}           ${spread(filtered.samples)}   (${(filtered.bytes / 1024).toFixed(0)} KiB)`);
    console.log(`  GET /dashboards/manager/export     ${spread(csv.samples)}   (${(csv.bytes / 1024).toFixed(0)} KiB CSV)`);
    console.log(`SQL statements per request: ${counted.statements.length} for all ${HIRES} hires, ${fewer.statements.length} for one cohort (session and membership checks included).`);
    console.log(`Not done per request (for comparison):`);
    console.log(`  first read, counting all ${HIRES} assignments from their rows in Node and saving the counts: ${recountMs.toFixed(0)} ms (once)`);
    console.log(`  counting the ${rows.progress.toLocaleString("en")} rows in SQL (track totals only): ${spread(sqlAggregate)}`);
    console.log(await loadAverageLine(loadBefore));
  } finally {
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}

/**
 * A history for every hire, written in SQL (through the API it would take an hour):
 * a row for each item, the first `done` of them DONE and the next two IN_PROGRESS;
 * hires spread over six monthly cohorts; two evidence attempts each (one reviewed,
 * one waiting). Stored counts are cleared, as after the migration that added them.
 */
async function fillHistory(organizationId: string, itemKeys: string[]) {
  const { getDb } = await import("../lib/db/client");
  const db = getDb();
  await db.$executeRawUnsafe(
    `WITH numbered AS (
       SELECT id, "assigneeId", row_number() OVER (ORDER BY id) AS n FROM "Assignment" WHERE "organizationId" = $1
     )
     UPDATE "Assignment" a SET "startDate" = (date_trunc('month', now()) - make_interval(months => (numbered.n % 6)::int))::date + (numbered.n % 20)::int,
       "dueDate" = (date_trunc('month', now()) + make_interval(months => 2 - (numbered.n % 6)::int))::date,
       "lastActivityAt" = now() AT TIME ZONE 'UTC' - make_interval(days => (numbered.n % 12)::int),
       "progressSnapshot" = NULL
     FROM numbered WHERE a.id = numbered.id`,
    organizationId,
  );
  const progress = await db.$executeRawUnsafe(
    `INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", state, "updatedById", "createdAt", "updatedAt")
     SELECT $1, a.id, leaf.key,
            (CASE WHEN leaf.i <= a.done THEN 'DONE' WHEN leaf.i <= a.done + 2 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END)::"ProgressState",
            a."assigneeId", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' - make_interval(days => (leaf.i % 15)::int)
     FROM (SELECT id, "assigneeId", (abs(hashtext(id)) % $3::int) AS done FROM "Assignment" WHERE "organizationId" = $1) a
     CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS leaf(key, i)
     ON CONFLICT ("assignmentId", "stableKey") DO NOTHING`,
    organizationId,
    itemKeys,
    itemKeys.length,
  );
  const attempts = await db.$executeRawUnsafe(
    `INSERT INTO "EvidenceAttempt" (id, "organizationId", "assignmentId", "stableKey", number, status, note, "submittedById", "submittedAt", "reviewedAt", "updatedAt")
     SELECT 'bench' || a.id || '-' || k.n, $1, a.id, ($2::text[])[k.n], 1,
            (CASE WHEN k.n = 1 THEN 'APPROVED' ELSE 'SUBMITTED' END)::"EvidenceStatus", 'bench', a."assigneeId",
            now() AT TIME ZONE 'UTC' - make_interval(hours => 30 + (abs(hashtext(a.id)) % 50)),
            CASE WHEN k.n = 1 THEN now() AT TIME ZONE 'UTC' - make_interval(hours => abs(hashtext(a.id)) % 30) END,
            now() AT TIME ZONE 'UTC'
     FROM "Assignment" a CROSS JOIN generate_series(1, 2) AS k(n)
     WHERE a."organizationId" = $1`,
    organizationId,
    itemKeys.slice(-2),
  );
  await db.$executeRawUnsafe(`ANALYZE "ItemProgress"; `);
  await db.$executeRawUnsafe(`ANALYZE "Assignment"; `);
  await db.$executeRawUnsafe(`ANALYZE "EvidenceAttempt"; `);
  const [newest] = await db.$queryRawUnsafe<Array<{ cohort: string }>>(
    `SELECT to_char("startDate", 'YYYY-MM') AS cohort FROM "Assignment" WHERE "organizationId" = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 1`,
    organizationId,
  );
  return { progress, attempts, cohort: newest!.cohort };
}

runBenchmark(main);
