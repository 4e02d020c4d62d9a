/**
 * The two HTTP servers bench/progress-writes.ts loads, in a process of their own
 * (so the load generator does not share their event loop):
 *
 * - "cairn": node:http handing each request to the exported PUT of
 *   app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route.ts, as a
 *   web Request with the path's params, the way Next.js calls a route handler;
 *   so it counts the gate (session cookie, membership, permission), zod, the
 *   transaction with its Event row, and the JSON answer. Next.js's own router is
 *   not in the path.
 * - "baseline": node:http with a pg.Pool of the same size running one upsert.
 * - "baselineTx": the same, but running the transaction the issue asks a write
 *   to be, bare: BEGIN, the assignment row locked, the upsert, an Event row with
 *   its organization counter (one statement, as lib/db/events.ts), COMMIT. It
 *   shows how much of the gap is the transaction itself.
 *
 * Prints {"cairn": port, "baseline": port, "baselineTx": port} on stdout once they listen.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { ITEM_PATH, readBody, serveItemWrite } from "./route-bridge";

async function main(): Promise<void> {
  const { PUT } = await import("../../app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route");
  const { getConfig } = await import("../../lib/config");
  const poolSize = getConfig().DATABASE_POOL_SIZE;

  const cairn = http.createServer((request, response) => void serveItemWrite(PUT, request, response));

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: poolSize });
  const baseline = http.createServer(async (request, response) => {
    const match = ITEM_PATH.exec(request.url ?? "");
    if (!match || request.method !== "PUT") {
      response.writeHead(404).end();
      return;
    }
    const { state } = JSON.parse((await readBody(request)).toString("utf8")) as { state: string };
    await pool.query(
      `INSERT INTO bench_progress (assignment_id, key, state, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (assignment_id, key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [match[2], match[3], state],
    );
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
  });

  const baselineTx = http.createServer(async (request, response) => {
    const match = ITEM_PATH.exec(request.url ?? "");
    if (!match || request.method !== "PUT") {
      response.writeHead(404).end();
      return;
    }
    const { state } = JSON.parse((await readBody(request)).toString("utf8")) as { state: string };
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ organizationId: string }>(`SELECT "organizationId" FROM "Assignment" WHERE id = $1 FOR UPDATE`, [match[2]]);
      await client.query(
        `INSERT INTO bench_progress (assignment_id, key, state, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (assignment_id, key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [match[2], match[3], state],
      );
      await client.query(
        `WITH counter AS (UPDATE "Organization" SET "eventSequence" = "eventSequence" + 1 WHERE id = $1 RETURNING "eventSequence")
         INSERT INTO "Event" (id, "organizationId", sequence, type, "actorId", "subjectType", "subjectId", payload, "createdAt")
         SELECT $2, $1, counter."eventSequence", 'bench.progress', NULL, 'assignment', $3, $4::jsonb, now() FROM counter`,
        [rows[0]!.organizationId, `bench${randomUUID()}`, match[2], JSON.stringify({ key: match[3], to: state })],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
  });

  const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  const ports = { cairn: await listen(cairn), baseline: await listen(baseline), baselineTx: await listen(baselineTx) };
  process.stdout.write(`${JSON.stringify(ports)}\n`);
  // Exit normally when the bench is done, so `node --cpu-prof` can write its profile.
  process.once("SIGTERM", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
