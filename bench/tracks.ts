/**
 * Tracks benchmark (issue 4, "Speed"): parsing the seed, importing it through the
 * route handler, the SQL round trips one import makes, and GET of the stored
 * version (200 with the whole tree, and 304 with If-None-Match).
 *
 *   npm run bench:tracks            (or: npx tsx bench/tracks.ts)
 *
 * Starts its own throw-away embedded PostgreSQL (or uses TEST_DATABASE_URL, which
 * must be local), creates and migrates a database, makes an organization with an
 * owner, measures, prints a table, then drops the database and stops the server.
 * Figures only: nothing here passes or fails on time. See bench/README.md.
 *
 * Environment knobs: BENCH_ITERATIONS (default 20), BENCH_WARMUP (default 3),
 * BENCH_PARSE_ITERATIONS (default 500).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ORIGIN, ROOT, runBenchmark, setBenchEnvironment, startBenchDatabase, whole as count } from "./support/bench-database";

setBenchEnvironment();

const SEED_PATH = path.join(ROOT, "lib/outline/seed/python-backend-roadmap.txt");

const ITERATIONS = count("BENCH_ITERATIONS", 20);
const WARMUP = count("BENCH_WARMUP", 3);
const PARSE_ITERATIONS = count("BENCH_PARSE_ITERATIONS", 500);

// ---------------------------------------------------------------------------
// Round-trip counting. Prisma's pg adapter sends every statement (BEGIN and
// COMMIT included) through pg.Client#query on a pooled client, and node-postgres
// does not pipeline: each call is one request/response exchange with the server.
// So the calls made while a window is open are the round trips.
// ---------------------------------------------------------------------------
interface Query {
  sql: string;
  /** ms since the window opened: when the statement was sent, and when its answer arrived. */
  sent: number;
  answered: number;
}
interface QueryLog {
  opened: number;
  queries: Query[];
}
let recording: QueryLog | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const log = recording;
  if (!log) return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  const first = args[0];
  const sql = typeof first === "string" ? first : first && typeof first === "object" && "text" in first ? String((first as { text: unknown }).text) : "?";
  const query: Query = { sql, sent: performance.now() - log.opened, answered: NaN };
  log.queries.push(query);
  const done = () => (query.answered = performance.now() - log.opened);
  // pg.Pool#query passes a callback; a pooled client in a transaction gets a promise back.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function") {
    args[last] = (...results: unknown[]) => {
      done();
      return (callback as (...r: unknown[]) => unknown)(...results);
    };
  }
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) void result.then(done, done);
  return result;
} as typeof pg.Client.prototype.query;

async function recordQueries<T>(task: () => Promise<T>): Promise<{ result: T; queries: Query[]; total: number }> {
  const log: QueryLog = { opened: performance.now(), queries: [] };
  recording = log;
  try {
    const result = await task();
    return { result, queries: log.queries, total: performance.now() - log.opened };
  } finally {
    recording = null;
  }
}

/** A short label for a statement: its verb and table. */
function describeSql(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  const verb = text.split(" ")[0]!.toUpperCase();
  const table = /(?:into|from|update)\s+(?:"[^"]+"\.)?"([^"]+)"/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

// ---------------------------------------------------------------------------
// Statistics and output.
// ---------------------------------------------------------------------------
interface Row {
  name: string;
  samples: number[];
  target?: number;
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0]!, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
}

function printTable(rows: Row[]): void {
  const ms = (value: number) => value.toFixed(2);
  const header = ["benchmark", "n", "min ms", "p50 ms", "p95 ms", "max ms", "target", "p95 within"];
  const lines = rows.map((row) => {
    const s = summarize(row.samples);
    const target = row.target === undefined ? "-" : `≤ ${row.target} ms`;
    const met = row.target === undefined ? "-" : s.p95 <= row.target ? "yes" : `NO (+${ms(s.p95 - row.target)} ms)`;
    return [row.name, String(s.n), ms(s.min), ms(s.p50), ms(s.p95), ms(s.max), target, met];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
}

async function measure(iterations: number, warmup: number, task: () => Promise<void> | void): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Each statement of a traced call with when it was sent and answered: the gaps are JavaScript, the spans the database. */
function printTrace(label: string, trace: { queries: Query[]; total: number }): void {
  const inDb = trace.queries.reduce((sum, query) => sum + (query.answered - query.sent), 0);
  console.log(`  trace of ${label}: ${trace.total.toFixed(1)} ms in all, ${inDb.toFixed(1)} ms waiting on PostgreSQL, the rest in Node (gate, zod, parse, Prisma, JSON)`);
  trace.queries.forEach((query, index) =>
    console.log(`  ${String(index + 1).padStart(4)}. ${describeSql(query.sql).padEnd(22)} sent at ${query.sent.toFixed(1).padStart(6)} ms, took ${(query.answered - query.sent).toFixed(1).padStart(5)} ms`),
  );
}

// ---------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------
async function main(): Promise<void> {
  const { disconnectDb, getDb } = await import("../lib/db/client");
  const { parseOutline } = await import("../lib/outline");
  const { createOrgWithMember, sessionCookieFor } = await import("../tests/support/factories");
  const { POST: createTrackRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/route");
  const { GET: getVersionRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/route");
  const { PATCH: updateNodeRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/nodes/[key]/route");
  const { POST: moveNodeRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/nodes/[key]/move/route");
  const { versionNodes } = await import("../lib/tracks/read-version");
  const { CLIENT_IP_HEADER } = await import("../lib/security/client-ip");

  const seed = readFileSync(SEED_PATH, "utf8");

  console.log("Starting PostgreSQL…");
  const setupStart = performance.now();
  const database = await startBenchDatabase();
  try {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const slug = organization.slug;
    console.log(`Ready in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (${process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : "embedded PostgreSQL"}).\n`);

    // The request the API receives: same path, params, cookie, Origin and client address headers as tests/support/call-route.ts.
    const headersFor = (extra: Record<string, string> = {}) => new Headers({ cookie, [CLIENT_IP_HEADER]: "10.0.0.1", ...extra });
    const importBody = JSON.stringify({ text: seed });
    const importSeed = async () => {
      const request = new Request(`${ORIGIN}/api/v1/o/${slug}/tracks`, {
        method: "POST",
        headers: headersFor({ origin: ORIGIN, "content-type": "application/json" }),
        body: importBody,
      });
      const response = await createTrackRoute(request, { params: Promise.resolve({ orgSlug: slug }) });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`import answered ${response.status}: ${text}`);
      return JSON.parse(text) as { id: string; latestVersion: { counts: { items: number } } };
    };
    const getVersion = async (trackId: string, ifNoneMatch?: string) => {
      const request = new Request(`${ORIGIN}/api/v1/o/${slug}/tracks/${trackId}/versions/1`, {
        headers: headersFor(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}),
      });
      const response = await getVersionRoute(request, { params: Promise.resolve({ orgSlug: slug, trackId, number: "1" }) });
      const body = await response.text(); // the body is part of the server's work
      return { status: response.status, etag: response.headers.get("etag"), bytes: body.length };
    };

    const rows: Row[] = [];
    const loadBefore = os.loadavg();

    // 1. Parsing the seed.
    const parsed = parseOutline(seed);
    if (!parsed.ok) throw new Error("the seed does not parse");
    rows.push({
      name: "parseOutline(seed)",
      samples: await measure(PARSE_ITERATIONS, 50, () => {
        parseOutline(seed);
      }),
      target: 5,
    });

    // 2. Import end to end through POST /tracks (session, gate, zod, parse, transaction, event).
    const imported = await importSeed();
    if (imported.latestVersion.counts.items !== 703) throw new Error(`expected 703 items, got ${imported.latestVersion.counts.items}`);
    rows.push({ name: "POST /tracks (seed text, 703 items)", samples: await measure(ITERATIONS, WARMUP, async () => void (await importSeed())), target: 150 });

    // 3. Round trips of one import (pool warm, so no connection set-up inside the window).
    const importTrace = await recordQueries(importSeed);
    const importSql = importTrace.queries.map((query) => query.sql);

    // 4. GET the version: 200 with the whole tree (no If-None-Match), then 304.
    const first = await getVersion(imported.id);
    if (first.status !== 200 || !first.etag) throw new Error(`GET answered ${first.status}`);
    rows.push({
      name: "GET /versions/1 → 200 (718 nodes)",
      samples: await measure(ITERATIONS, WARMUP, async () => {
        const { status } = await getVersion(imported.id);
        if (status !== 200) throw new Error(`GET answered ${status}`);
      }),
      target: 30,
    });
    rows.push({
      name: "GET /versions/1 → 304 (If-None-Match)",
      samples: await measure(ITERATIONS, WARMUP, async () => {
        const { status } = await getVersion(imported.id, first.etag!);
        if (status !== 304) throw new Error(`GET with If-None-Match answered ${status}`);
      }),
      target: 30,
    });
    const get200Trace = await recordQueries(() => getVersion(imported.id));
    const get200Sql = get200Trace.queries.map((query) => query.sql);
    const get304Sql = (await recordQueries(() => getVersion(imported.id, first.etag!))).queries.map((query) => query.sql);

    // 5. The editor's writes on the 718-node draft: a rename, and a move that renumbers most of the tree.
    const draftId = (await getDb().trackVersion.findFirstOrThrow({ where: { trackId: imported.id, number: 1 } })).id;
    const draftNodes = await versionNodes(organization.id, draftId);
    const sections = draftNodes.filter((node) => node.kind === "SECTION");
    const firstSection = sections[0]!;
    const lastSection = sections[sections.length - 1]!;
    const firstItem = draftNodes.find((node) => node.parentId === firstSection.id)!;
    const edit = async (route: typeof moveNodeRoute, method: string, suffix: string, body: unknown) => {
      const request = new Request(`${ORIGIN}/api/v1/o/${slug}/tracks/${imported.id}/versions/1/nodes/${firstItem.stableKey}${suffix}`, {
        method,
        headers: headersFor({ origin: ORIGIN, "content-type": "application/json" }),
        body: JSON.stringify(body),
      });
      const response = await route(request, { params: Promise.resolve({ orgSlug: slug, trackId: imported.id, number: "1", key: firstItem.stableKey }) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`edit answered ${response.status}: ${text}`);
    };
    let renames = 0;
    rows.push({ name: "PATCH …/nodes/{key} (rename, 718-node draft)", samples: await measure(ITERATIONS, WARMUP, () => edit(updateNodeRoute, "PATCH", "", { title: `Renamed ${renames++}` })) });
    let moves = 0;
    rows.push({
      name: "POST …/nodes/{key}/move (first item ↔ last section)",
      // Alternately to the end of the last section and back to the front of the first: most ordinals change each time.
      samples: await measure(ITERATIONS, WARMUP, () => edit(moveNodeRoute, "POST", "/move", moves++ % 2 === 0 ? { parentKey: lastSection.stableKey } : { parentKey: firstSection.stableKey, position: 0 })),
    });

    printTable(rows);
    const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(" / ");
    console.log(`\nLoad average (1/5/15 min) before: ${load(loadBefore)}; after: ${load(os.loadavg())}; ${os.cpus().length} CPUs. Other work on the machine inflates p95/max.`);
    console.log(`\nIterations: parse ${PARSE_ITERATIONS} after 50 warm-ups; routes ${ITERATIONS} after ${WARMUP} warm-ups. 200 body: ${first.bytes} characters.\n`);

    const nodeInserts = importSql.filter((sql) => /insert\s+into\s+(?:"[^"]+"\.)?"TrackNode"/i.test(sql)).length;
    const inserts = importSql.filter((sql) => /^\s*insert/i.test(sql)).length;
    console.log(`SQL round trips (pg.Client#query calls) for one import: ${importSql.length} in total; ${inserts} INSERTs, of which ${nodeInserts} into TrackNode (target ≤ 5: ${nodeInserts <= 5 ? "met" : "MISSED"})`);
    printTrace("one import", importTrace);
    console.log(`SQL round trips for GET → 200: ${get200Sql.length} (${get200Sql.map(describeSql).join(", ")})`);
    printTrace("one GET → 200", get200Trace);
    console.log(`SQL round trips for GET → 304: ${get304Sql.length} (${get304Sql.map(describeSql).join(", ")})`);
    const nodes = await getDb().trackNode.count({ where: { organizationId: organization.id } });
    console.log(`\nRows written: ${nodes} TrackNode rows over ${ITERATIONS + WARMUP + 2} imports.`);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

runBenchmark(main);
