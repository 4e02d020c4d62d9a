/**
 * Upgrading hires from the track page (issue 15): an organization with BENCH_HIRES
 * hires (default 200, the cap of one request) on the 703-item seed roadmap, each
 * with progress on the first 100 leaves; version 2 renames one of them, removes one
 * and adds an item. Times the list of hires on older versions (GET …/upgrades) and
 * one bulk upgrade of all of them (POST …/upgrades: one transaction per hire), and
 * counts the list's SQL statements.
 *
 *   npx tsx bench/upgrade-hires.ts
 *
 * Knobs: BENCH_HIRES (default 200), BENCH_ITERATIONS (default 10). Figures only; see bench/README.md.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { assignedHires } from "./support/assigned-hires";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const HIRES = whole("BENCH_HIRES", 200);
const ITERATIONS = whole("BENCH_ITERATIONS", 10);
const PROGRESS_PER_HIRE = 100;

async function main() {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase();
  try {
    const { getDb } = await import("../lib/db/client");
    const { callRoute } = await import("../tests/support/call-route");
    const { countQueries } = await import("../tests/support/count-queries");
    const { sessionCookieFor } = await import("../tests/support/factories");
    const { createDraft, publishVersion } = await import("../tests/tracks/tracks-fixture");
    const { addNodes, deleteNode, updateNode } = await import("../tests/tracks/edit-fixture");
    const { GET: listRoute, POST: upgradeRoute } = await import("../app/api/v1/o/[orgSlug]/tracks/[trackId]/upgrades/route");
    const db = getDb();

    let started = performance.now();
    const setup = await assignedHires(HIRES);
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: setup.slug }, select: { id: true } });
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, role: "OWNER" }, select: { user: true } });
    const cookie = await sessionCookieFor(owner.user);
    const track = await db.track.findFirstOrThrow({ where: { organizationId: organization.id }, select: { id: true } });
    const keys = setup.leafKeys.slice(0, PROGRESS_PER_HIRE);
    await db.$executeRawUnsafe(
      `INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", state, "updatedById", "createdAt", "updatedAt")
       SELECT $1, a.id, leaf.key, 'DONE'::"ProgressState", a."assigneeId", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM "Assignment" a CROSS JOIN unnest($2::text[]) AS leaf(key) WHERE a."organizationId" = $1`,
      organization.id,
      keys,
    );
    const v2 = { slug: setup.slug, trackId: track.id, number: 2 };
    if ((await createDraft(setup.slug, cookie, track.id)).status !== 201) throw new Error("draft");
    if ((await updateNode(v2, cookie, keys[0]!, { title: "Renamed for v2" })).status !== 200) throw new Error("rename");
    if ((await deleteNode(v2, cookie, keys[1]!)).status !== 200) throw new Error("delete");
    if ((await addNodes(v2, cookie, { parentKey: null, nodes: [{ kind: "SECTION", title: "New in v2" }, { kind: "ITEM", title: "Testing", parentIndex: 0 }] })).status !== 201) throw new Error("add");
    if ((await publishVersion(setup.slug, cookie, track.id, 2)).status !== 200) throw new Error("publish");
    console.log(`Set up ${HIRES} hires × ${PROGRESS_PER_HIRE} progress rows and version 2 in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const path = `/api/v1/o/${setup.slug}/tracks/${track.id}/upgrades`;
    const params = { orgSlug: setup.slug, trackId: track.id };
    const list = () => callRoute(listRoute, { path, params, cookie });
    await list();
    const listSamples: number[] = [];
    let listed: Array<{ id: string }> = [];
    let bytes = 0;
    for (let index = 0; index < ITERATIONS; index++) {
      started = performance.now();
      const answer = await list();
      listSamples.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`the list answered ${answer.status}`);
      listed = answer.json!.assignments;
      bytes = answer.text.length;
    }
    const statements = (await countQueries(() => list())).statements.length;

    started = performance.now();
    const applied = await callRoute(upgradeRoute, { path, params, cookie, body: { toVersionNumber: 2, assignmentIds: listed.map((entry) => entry.id) } });
    const bulkMs = performance.now() - started;
    if (applied.status !== 200 || applied.json!.upgraded !== HIRES) throw new Error(`the bulk upgrade answered ${applied.status}: ${applied.text.slice(0, 300)}`);

    console.log("");
    console.log(`Upgrade hires, ${HIRES} hires on the seed roadmap, ${ITERATIONS} samples of the list after 1 warm-up (ms):`);
    console.log(`  GET …/upgrades (${listed.length} hires)   ${spread(listSamples)}   (${(bytes / 1024).toFixed(0)} KiB, ${statements} SQL statements)`);
    console.log(`  POST …/upgrades (${HIRES} hires, once)  ${bulkMs.toFixed(0)} ms in all, ${(bulkMs / HIRES).toFixed(1)} ms a hire`);
    console.log(await loadAverageLine(loadBefore));
  } finally {
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}

runBenchmark(main);
