/**
 * Reminder scans benchmark (issue 15, "The manager's loop"): one run of the
 * hourly scan (due soon, overdue, stuck: lib/reminders/scan-reminders.ts) over a
 * database with BENCH_HIRES hires (default 1,000) on the 703-item seed roadmap,
 * each with a mentor, their due days, activity and items in progress spread so
 * that every kind has work, a third of the people in other time zones. Records
 * the statements one run sends (they must not grow with the hires) and its time:
 * the first run, which writes the reminders and enqueues their emails, and later
 * runs, which find everything already told. Then the same for the job's stuck and overdue
 * events (lib/reminders/occasion-events.ts).
 *
 *   npm run bench:reminders          (or: npx tsx bench/reminder-scans.ts)
 *
 * Knobs: BENCH_HIRES (default 1000), BENCH_ITERATIONS (default 20), BENCH_EXPLAIN=1 (print each
 * scan statement's plan). Figures only;
 * see bench/README.md.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { assignedHires } from "./support/assigned-hires";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const HIRES = whole("BENCH_HIRES", 1000);
const ITERATIONS = whole("BENCH_ITERATIONS", 20);
/** The fixed clock: a Wednesday at 10:00 UTC, outside quiet hours in UTC and Europe. */
const NOW = new Date("2030-01-09T10:00:00Z");

async function main() {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase();
  try {
    const { getDb } = await import("../lib/db/client");
    const { countQueries } = await import("../tests/support/count-queries");
    const { startTestJobQueue, stopTestJobQueue } = await import("../tests/support/job-queue");
    const { runReminderScans } = await import("../lib/reminders/scan-reminders");
    const db = getDb();

    let started = performance.now();
    const setup = await assignedHires(HIRES);
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: setup.slug }, select: { id: true } });
    // Spread the dates: due days from 10 days ago to 20 days ahead, activity from today to 20 days ago,
    // an item in progress for a fifth of the hires (some for weeks), a third of the people in Tokyo or New York.
    await db.$executeRawUnsafe(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Assignment" WHERE "organizationId" = $1)
       UPDATE "Assignment" a SET "startDate" = DATE '2029-11-01', "dueDate" = DATE '2030-01-09' + ((n % 31)::int - 10),
         "lastActivityAt" = TIMESTAMP '2030-01-09 09:00' - make_interval(days => (n % 21)::int)
       FROM numbered WHERE a.id = numbered.id`,
      organization.id,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "updatedAt")
       SELECT a."organizationId", a.id, $2, 'IN_PROGRESS', TIMESTAMP '2030-01-09 09:00' - make_interval(days => (row_number() OVER (ORDER BY a.id) % 15)::int)
       FROM "Assignment" a WHERE a."organizationId" = $1 AND a.id IN (SELECT id FROM "Assignment" WHERE "organizationId" = $1 ORDER BY id LIMIT ${Math.ceil(HIRES / 5)})`,
      organization.id,
      setup.leafKeys[0],
    );
    await db.$executeRawUnsafe(
      `UPDATE "User" u SET "timeZone" = CASE WHEN m.n % 3 = 1 THEN 'Asia/Tokyo' ELSE 'America/New_York' END
       FROM (SELECT "userId", row_number() OVER (ORDER BY "userId") AS n FROM "Membership" WHERE "organizationId" = $1) m
       WHERE u.id = m."userId" AND m.n % 3 <> 0`,
      organization.id,
    );
    console.log(`Set up ${HIRES} hires with assignments, due days, activity and time zones in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const queue = await startTestJobQueue({ workers: false });
    try {
      const runAt = (offsetHours: number) => countQueries(() => runReminderScans(new Date(NOW.getTime() + offsetHours * 3_600_000)));
      started = performance.now();
      const first = await runAt(0);
      const firstMs = performance.now() - started;
      const sent = Object.values(first.result.sent).reduce((sum, count) => sum + count, 0);
      console.log(`First run: ${firstMs.toFixed(0)} ms, ${first.statements.length} statements (${first.result.statements} scan and enqueue statements), ${sent} reminders written and their emails enqueued: ${JSON.stringify(first.result.sent)}.`);

      const times: number[] = [];
      const counts = new Set<number>();
      for (let index = 1; index <= ITERATIONS; index++) {
        started = performance.now();
        // The same hour again: every reminder due now was told, nothing new is written.
        const run = await runAt(0);
        times.push(performance.now() - started);
        counts.add(run.statements.length);
      }
      console.log(`Later runs (nothing new to tell), ${ITERATIONS} runs: ${spread(times)} ms; statements per run: ${[...counts].join(", ")}.`);
      if (process.env.BENCH_EXPLAIN) {
        const { scanStatement, SCAN_KINDS } = await import("../lib/reminders/scan-reminders");
        for (const kind of SCAN_KINDS) {
          const statement = scanStatement(kind, NOW);
          // Inside a rolled-back transaction: EXPLAIN ANALYZE runs the insert.
          await db
            .$transaction(async (tx) => {
              const plan = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, ...statement.values);
              console.log(`\n${kind}:\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
              throw new Error("rollback");
            })
            .catch(() => undefined);
        }
      }
      const notifications = await db.notification.count({ where: { organizationId: organization.id, type: { startsWith: "reminder." } } });
      console.log(`Reminder notifications stored after all runs: ${notifications} (the first run's ${sent}: none twice).`);

      // The same job's stuck and overdue events (lib/reminders/occasion-events.ts, decision 0035).
      const { recordOccasionEvents } = await import("../lib/reminders/occasion-events");
      const occasionsAt = () => countQueries(() => recordOccasionEvents(NOW));
      started = performance.now();
      const firstEvents = await occasionsAt();
      console.log(
        `Stuck and overdue events, first run: ${(performance.now() - started).toFixed(0)} ms, ${firstEvents.statements.length} statements, ${JSON.stringify(firstEvents.result.recorded)} recorded in ${firstEvents.result.organizations} organization(s).`,
      );
      const eventTimes: number[] = [];
      const eventCounts = new Set<number>();
      for (let index = 1; index <= ITERATIONS; index++) {
        started = performance.now();
        const run = await occasionsAt();
        eventTimes.push(performance.now() - started);
        eventCounts.add(run.statements.length);
      }
      const events = await db.event.count({ where: { organizationId: organization.id, type: { in: ["assignment.stuck", "assignment.overdue"] } } });
      console.log(`Stuck and overdue events, later runs (nothing new), ${ITERATIONS} runs: ${spread(eventTimes)} ms; statements per run: ${[...eventCounts].join(", ")}; events stored: ${events}.`);
    } finally {
      await stopTestJobQueue(queue);
    }
    console.log(await loadAverageLine(loadBefore));
  } finally {
    await database.stop();
  }
}

runBenchmark(main);
