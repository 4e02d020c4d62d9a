/**
 * Outgoing webhooks (decision 0033): how fast the fan-out turns events into
 * deliveries, and how many deliveries one endpoint gets per second when its
 * receiver answers at once (deliveries of an endpoint go one at a time, so this is
 * the per-endpoint ceiling), with each attempt's time as the log records it.
 *
 *   npm run bench:webhooks          (or: npx tsx bench/webhook-deliveries.ts)
 *
 * Needs nothing running. Knobs: BENCH_EVENTS (default 2000). Figures only; see bench/README.md.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole as count } from "./support/bench-database";

setBenchEnvironment();
process.env.WEBHOOK_ALLOW_PRIVATE = "true";

const EVENTS = count("BENCH_EVENTS", 2000);

runBenchmark(async () => {
  const load = os.loadavg();
  const database = await startBenchDatabase();
  let received = 0;
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received += 1;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const { getDb } = await import("../lib/db/client");
    const { sealSecret } = await import("../lib/jobs/sealed-secret");
    const { fanOutEvents } = await import("../lib/webhooks/fan-out");
    const { sendEndpointDeliveries } = await import("../lib/webhooks/send-deliveries");
    const { createOrganization } = await import("../tests/support/factories");
    const db = getDb();
    const organization = await createOrganization();
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const endpoint = await db.webhookEndpoint.create({
      data: { organizationId: organization.id, url, displayUrl: url, sealedSecret: sealSecret("whsec_bench"), eventTypes: ["progress.updated"] },
    });
    // The events, as one statement (what is timed is the fan-out, not the writes).
    await db.$executeRaw`
      INSERT INTO "Event" (id, "organizationId", sequence, type, "subjectType", "subjectId", payload)
      SELECT 'bench' || n, ${organization.id}, n, 'progress.updated', 'assignment', 'a' || (n % 50), jsonb_build_object('key', 'k' || n, 'to', 'DONE')
      FROM generate_series(1, ${EVENTS}::int) AS n`;
    await db.organization.update({ where: { id: organization.id }, data: { eventSequence: BigInt(EVENTS) } });

    const fanOutStarted = performance.now();
    let runs = 0;
    while ((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).afterSequence < BigInt(EVENTS)) {
      await fanOutEvents(organization.id);
      runs += 1;
    }
    const fanOutMs = performance.now() - fanOutStarted;

    const sendStarted = performance.now();
    while (received < EVENTS) await sendEndpointDeliveries(endpoint.id);
    const sendMs = performance.now() - sendStarted;
    const times = (await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { responseTimeMs: true } })).map((row) => row.responseTimeMs ?? 0);

    console.log(`Outgoing webhooks, ${EVENTS.toLocaleString("en-US")} events to one endpoint (receiver on 127.0.0.1 answering 204 at once)`);
    console.log(`  fan-out: ${fanOutMs.toFixed(0)} ms in ${runs} runs (${((EVENTS / fanOutMs) * 1000).toFixed(0)} deliveries written/s)`);
    console.log(`  sending, one at a time: ${sendMs.toFixed(0)} ms (${((EVENTS / sendMs) * 1000).toFixed(0)} deliveries/s per endpoint)`);
    console.log(`  attempt time as logged (ms): ${spread(times, 0)}`);
    console.log(`  ${await loadAverageLine(load)}`);
  } finally {
    receiver.close();
    const { getDb } = await import("../lib/db/client");
    await getDb().$disconnect();
    await database.stop();
  }
});
