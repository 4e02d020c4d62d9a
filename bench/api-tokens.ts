/**
 * API token authentication (issue 16, decision 0032): the cost of a bearer request
 * against the same request with a session cookie, with many tokens in the table.
 * Times GET /api/v1/o/{slug} through the real route handler (the gate, the
 * authentication statement, the per-token rate limit, the handler), alternating the
 * two credentials, and counts each one's SQL statements.
 *
 *   npm run bench:tokens          (or: npx tsx bench/api-tokens.ts)
 *
 * Knobs: BENCH_TOKENS (tokens in the table, default 20000), BENCH_ITERATIONS (default 300),
 * BENCH_WARMUP (default 30). Figures only; see bench/README.md.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const TOKENS = whole("BENCH_TOKENS", 20_000);
const ITERATIONS = whole("BENCH_ITERATIONS", 300);
const WARMUP = whole("BENCH_WARMUP", 30);

async function main() {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase();
  try {
    const { getDb } = await import("../lib/db/client");
    const { newTokenSecret } = await import("../lib/api-tokens/token-secret");
    const { callRoute } = await import("../tests/support/call-route");
    const { countQueries } = await import("../tests/support/count-queries");
    const { createOrgWithMember, sessionCookieFor } = await import("../tests/support/factories");
    const { GET: getOrgRoute } = await import("../app/api/v1/o/[orgSlug]/route");
    const db = getDb();

    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    // Other tokens in the table (the index the lookup probes), then the one the benchmark uses.
    const started = performance.now();
    for (let done = 0; done < TOKENS; done += 1000) {
      const rows = Array.from({ length: Math.min(1000, TOKENS - done) }, () => {
        const secret = newTokenSecret("PERSONAL");
        return { organizationId: organization.id, userId: user.id, kind: "PERSONAL" as const, name: "filler", prefix: secret.prefix, tokenHash: secret.tokenHash, scopes: ["org.read"] };
      });
      await db.apiToken.createMany({ data: rows });
    }
    const secret = newTokenSecret("PERSONAL");
    await db.apiToken.create({ data: { organizationId: organization.id, userId: user.id, kind: "PERSONAL", name: "bench", prefix: secret.prefix, tokenHash: secret.tokenHash, scopes: ["org.read"] } });
    console.log(`Set up ${TOKENS.toLocaleString("en")} tokens in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const path = `/api/v1/o/${organization.slug}`;
    const params = { orgSlug: organization.slug };
    const withCookie = () => callRoute(getOrgRoute, { path, params, cookie });
    const withToken = () => callRoute(getOrgRoute, { path, params, headers: { authorization: `Bearer ${secret.token}` } });
    for (const call of [withCookie, withToken]) if ((await call()).status !== 200) throw new Error("the request failed");

    for (let index = 0; index < WARMUP; index++) await Promise.all([withCookie(), withToken()]);
    const samples = { cookie: [] as number[], token: [] as number[] };
    for (let index = 0; index < ITERATIONS; index++) {
      for (const [name, call] of [["cookie", withCookie], ["token", withToken]] as const) {
        const at = performance.now();
        await call();
        samples[name].push(performance.now() - at);
      }
    }
    const statements = {
      cookie: (await countQueries(withCookie)).statements.length,
      token: (await countQueries(withToken)).statements.length,
    };
    console.log(`GET /api/v1/o/{slug}, ${ITERATIONS} requests each, alternating (ms):`);
    console.log(`  session cookie   ${spread(samples.cookie, 2)}   (${statements.cookie} SQL statements)`);
    console.log(`  bearer token     ${spread(samples.token, 2)}   (${statements.token} SQL statements: authentication, the per-token rate limit, the handler)`);
    console.log(await loadAverageLine(loadBefore));
  } finally {
    await database.stop();
  }
}

runBenchmark(main);
