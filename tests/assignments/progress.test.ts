import { describe, expect, it } from "vitest";
import { getDb, getPool } from "@/lib/db/client";
import { prismaRunner, queryRows, sql } from "@/lib/db/sql";
import { getMetrics } from "@/lib/observability/metrics";
import { until } from "../support/live-instances";
import { Prisma } from "@/lib/generated/prisma/client";
import { summarizeProgress } from "@/lib/progress/progress-math";
import { snapshotOf } from "@/lib/progress/progress-snapshot";
import { progressStates } from "@/lib/progress/progress-states";
import { progressTree } from "@/lib/progress/version-trees";
import { countQueries } from "../support/count-queries";
import { createTrack, getVersion, organizationWith, publishVersion } from "../tracks/tracks-fixture";
import { bulkUpdateItems, createAssignments, getAssignment, itemHistory, orgWithPublishedTrack, updateItem } from "./assignments-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

type Org = Awaited<ReturnType<typeof orgWithPublishedTrack>>;

async function assigned(org: Org) {
  const { status, json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId] });
  expect(status).toBe(201);
  return json!.items[0].id as string;
}

const statesOf = async (assignmentId: string) =>
  Object.fromEntries((await getDb().itemProgress.findMany({ where: { assignmentId }, select: { stableKey: true, state: true } })).map((row) => [row.stableKey, row.state]));

describe("POST /assignments/{id}/items/bulk", () => {
  it("sets many items at once, all or nothing, with one progress.updated per change", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "DONE" });

    // Loops needs evidence: the whole request is refused and nothing changes.
    const refused = await bulkUpdateItems(org.slug, org.hire.cookie, assignmentId, { keys: [org.key("Types"), org.key("Scope"), org.key("Loops")], state: "DONE" });
    expect(refused.status).toBe(422);
    expect(refused.json!.error.details.refused).toEqual([{ key: org.key("Loops"), from: "NOT_STARTED", allowed: ["IN_PROGRESS", "NOT_APPLICABLE"] }]);
    expect(await statesOf(assignmentId)).toEqual({ [org.key("Scope")]: "DONE" });

    const done = await bulkUpdateItems(org.slug, org.hire.cookie, assignmentId, { keys: [org.key("Types"), org.key("Scope")], state: "DONE" });
    expect(done.status).toBe(200);
    expect(done.json!.items.map((item: { state: string }) => item.state)).toEqual(["DONE", "DONE"]);
    expect(done.json!.assignment.progress).toMatchObject({ done: 2, total: 5, percent: 40 });
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "progress.updated" }, orderBy: { sequence: "asc" } });
    // One for the single update, one for Types (Scope was already done).
    expect(events.map((event) => event.payload)).toEqual([
      { assignmentId, key: org.key("Scope"), from: "NOT_STARTED", to: "DONE" },
      { assignmentId, key: org.key("Types"), from: "NOT_STARTED", to: "DONE", bulk: true },
    ]);
    // The sequence stays gap-free across a bulk insert.
    const sequences = (await getDb().event.findMany({ where: { organizationId: org.organization.id }, orderBy: { sequence: "asc" }, select: { sequence: true } })).map((row) => Number(row.sequence));
    expect(sequences).toEqual(sequences.map((_, index) => index + 1));

    const web = [org.key("HTTP"), org.key("Routing")];
    expect((await bulkUpdateItems(org.slug, org.hire.cookie, assignmentId, { keys: web, state: "NOT_APPLICABLE" })).status).toBe(422);
    const notApplicable = await bulkUpdateItems(org.slug, org.hire.cookie, assignmentId, { keys: web, state: "NOT_APPLICABLE", notApplicableReason: "FastAPI team" });
    expect(notApplicable.json!.items).toMatchObject([{ state: "NOT_APPLICABLE", notApplicableReason: "FastAPI team" }, { state: "NOT_APPLICABLE", notApplicableReason: "FastAPI team" }]);
  });

  it("refuses sections and unknown keys, the mentor (403), and another organization (404)", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const outsider = await orgWithPublishedTrack();
    const notItems = await bulkUpdateItems(org.slug, org.hire.cookie, assignmentId, { keys: [org.key("Basics"), "unknownkey1"], state: "DONE" });
    expect(notItems.status).toBe(422);
    expect(notItems.json!.error.details.keys).toEqual([org.key("Basics"), "unknownkey1"]);
    expect((await bulkUpdateItems(org.slug, org.mentor.cookie, assignmentId, { keys: [org.key("Types")], state: "DONE" })).status).toBe(403);
    expect((await bulkUpdateItems(outsider.slug, outsider.hire.cookie, assignmentId, { keys: [org.key("Types")], state: "DONE" })).status).toBe(404);
    expect((await bulkUpdateItems(org.slug, outsider.owner.cookie, assignmentId, { keys: [org.key("Types")], state: "DONE" })).status).toBe(404);
    expect(await statesOf(assignmentId)).toEqual({});
  });
});

describe("GET /assignments/{id}/items/{key}/history", () => {
  it("lists an item's changes newest first with who made them, for the hire and their mentor only", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const key = org.key("Types");
    await updateItem(org.slug, org.hire.cookie, assignmentId, key, { state: "IN_PROGRESS" });
    await updateItem(org.slug, org.hire.cookie, assignmentId, key, { note: "Halfway" });
    await updateItem(org.slug, org.hire.cookie, assignmentId, key, { state: "DONE" });
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "DONE" });

    const { status, json } = await itemHistory(org.slug, org.mentor.cookie, assignmentId, key);
    expect(status).toBe(200);
    expect(json!.items.map((item: { from: string; to: string; noteChanged: boolean }) => [item.from, item.to, item.noteChanged])).toEqual([
      ["IN_PROGRESS", "DONE", false],
      ["IN_PROGRESS", "IN_PROGRESS", true],
      ["NOT_STARTED", "IN_PROGRESS", false],
    ]);
    expect(json!.items[0].actor).toEqual({ id: org.hire.userId, name: org.hire.name, email: org.hire.email });
    expect((await itemHistory(org.slug, org.otherHire.cookie, assignmentId, key)).status).toBe(404);
    expect((await itemHistory(org.slug, org.otherMentor.cookie, assignmentId, key)).status).toBe(404);
  });
});

describe("GET /assignments/{id} on the 703-item seed", () => {
  it("sends the same number of SQL statements with 10 and with 700 progress rows", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR", "MEMBER", "MEMBER");
    const [owner, mentor, hireA, hireB] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number], (typeof members)[number]];
    const slug = organization.slug;
    const trackId = (await createTrack(slug, owner.cookie, { library: "python-backend-roadmap" })).json!.id as string;
    expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
    const items = ((await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ kind: string; stableKey: string }>).filter((node) => node.kind === "ITEM");
    const assign = async (userId: string) => (await createAssignments(slug, owner.cookie, { trackId, assigneeIds: [userId], mentorIds: [mentor.userId] })).json!.items[0].id as string;
    const [few, many] = [await assign(hireA.userId), await assign(hireB.userId)];
    const rows = (assignmentId: string, count: number) =>
      items.slice(0, count).map((item) => ({ organizationId: organization.id, assignmentId, stableKey: item.stableKey, state: "DONE" as const, updatedAt: new Date() }));
    await getDb().itemProgress.createMany({ data: [...rows(few, 10), ...rows(many, 700)] });

    const small = await countQueries(() => getAssignment(slug, hireA.cookie, few));
    const large = await countQueries(() => getAssignment(slug, hireB.cookie, many));
    expect(small.result.status).toBe(200);
    expect(large.result.status).toBe(200);
    expect(large.result.json!.progress).toHaveLength(700);
    expect(large.statements.length).toBe(small.statements.length);
    // The gate (user, membership, organization), the assignment (Prisma reads its track, version,
    // assignee and mentors in queries of their own), the nodes, the progress rows and the latest evidence.
    expect(small.statements.length).toBeLessThanOrEqual(11);
  });
});

describe("PUT /assignments/{id}/items/{key}: the hot path", () => {
  it("is three statements: the session with the membership, the read, one guarded write (row, counts, events); no transaction", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    // Warm the version-tree cache, as any running server has.
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Types"), { state: "IN_PROGRESS" });
    const { result, statements } = await countQueries(() => updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Types"), { state: "DONE" }));
    expect(result.status).toBe(200);
    expect(statements.map((text) => text.trim().split(/\s+/)[0])).toEqual(["SELECT", "SELECT", "WITH"]);
    expect(statements[0]).toContain('"Membership"');
    expect(statements[1]).not.toContain("FOR UPDATE");
    expect(statements[2]).toMatch(/UPDATE "Assignment"[\s\S]*AND xmin = [\s\S]*INSERT INTO "Event"[\s\S]*INSERT INTO "ItemProgress"/);
    // All three took effect: the counts, the event and the row.
    const stored = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progressSnapshot: true } });
    expect(stored.progressSnapshot).toMatchObject({ track: { done: 1 } });
    expect(await getDb().event.count({ where: { subjectId: assignmentId, type: "progress.updated" } })).toBe(2);
    expect(await statesOf(assignmentId)).toEqual({ [org.key("Types")]: "DONE" });
  });
});

describe("PUT /assignments/{id}/items/{key}: counts by delta (decision 0036)", () => {
  /** The counts as counting every item again makes them. */
  async function fullCount(org: Org, assignmentId: string) {
    const { versionId, skippedKeys } = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { versionId: true, skippedKeys: true } });
    const runner = prismaRunner(getDb());
    const tree = await progressTree(runner, org.organization.id, versionId);
    const states = (await progressStates(runner, org.organization.id, [assignmentId])).get(assignmentId) ?? new Map();
    return snapshotOf(versionId, tree, summarizeProgress(tree, states, new Set(skippedKeys), { nextUpLimit: 0, minutes: true }));
  }
  const stored = async (assignmentId: string) => (await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progressSnapshot: true } })).progressSnapshot;

  it("stores the same counts as a full count through leaf changes, a parent item marked not applicable, a skip and lost counts", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const steps: Array<[title: string, body: Record<string, unknown>]> = [
      ["Types", { state: "IN_PROGRESS" }],
      ["Scope", { state: "DONE" }],
      ["HTTP", { state: "NOT_APPLICABLE", notApplicableReason: "Not our stack" }],
      // A parent item: its whole subtree leaves the counts (counted again in full).
      ["Variables", { state: "NOT_APPLICABLE", notApplicableReason: "Known already" }],
      // Under a not-applicable parent a leaf's change counts for nothing.
      ["Types", { state: "DONE" }],
      ["Variables", { state: "NOT_STARTED" }],
      ["Types", { state: "NOT_STARTED" }],
      ["HTTP", { state: "IN_PROGRESS" }],
      ["Routing", { state: "DONE" }],
    ];
    for (const [title, body] of steps) {
      const { status, json } = await updateItem(org.slug, org.hire.cookie, assignmentId, org.key(title), body);
      expect(status).toBe(200);
      const expected = await fullCount(org, assignmentId);
      expect(await stored(assignmentId)).toEqual(expected);
      expect(json!.assignment.progress).toEqual(expected.track);
    }

    // A skipped branch: the leaf's change leaves the counts alone.
    await getDb().assignment.update({ where: { id: assignmentId }, data: { skippedKeys: [org.key("Web (optional)")] } });
    await getDb().assignment.update({ where: { id: assignmentId }, data: { progressSnapshot: (await fullCount(org, assignmentId)) as unknown as Prisma.InputJsonObject } });
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Routing"), { state: "NOT_STARTED" });
    expect(await stored(assignmentId)).toEqual(await fullCount(org, assignmentId));

    // Counts lost (or of an older shape) are counted again in full, and then kept by delta.
    await getDb().assignment.update({ where: { id: assignmentId }, data: { progressSnapshot: Prisma.DbNull } });
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "IN_PROGRESS" });
    expect(await stored(assignmentId)).toEqual(await fullCount(org, assignmentId));
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Types"), { state: "DONE" });
    expect(await stored(assignmentId)).toEqual(await fullCount(org, assignmentId));
  });

  it("completes the assignment when the last counted item is done, and reopens it", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    for (const title of ["Types", "Scope", "HTTP", "Routing"]) await updateItem(org.slug, org.hire.cookie, assignmentId, org.key(title), { state: "DONE" });
    // Loops needs evidence: marking it not applicable leaves nothing counted undone.
    const last = await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Loops"), { state: "NOT_APPLICABLE", notApplicableReason: "Covered elsewhere" });
    expect(last.json!.assignment).toMatchObject({ status: "COMPLETED", progress: { done: 4, total: 4, notApplicable: 1, percent: 100 } });
    expect(await getDb().event.count({ where: { subjectId: assignmentId, type: "assignment.completed" } })).toBe(1);
    const reopened = await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "IN_PROGRESS" });
    expect(reopened.json!.assignment).toMatchObject({ status: "ACTIVE", progress: { done: 3, total: 4, percent: 75 } });
    expect(await stored(assignmentId)).toEqual(await fullCount(org, assignmentId));
  });
});

describe("PUT /assignments/{id}/items/{key}: writes that race", () => {
  const retries = async () => (await getMetrics().progressWriteRetries.get()).values[0]?.value ?? 0;

  it("tries again, and writes each change exactly once, when another write changes the assignment between its read and its write", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Types"), { state: "IN_PROGRESS" });
    const before = await retries();
    const holder = await getPool().connect();
    let answers: Array<Awaited<ReturnType<typeof updateItem>>>;
    try {
      // Another write in flight: the assignment's row locked and changed, not yet committed.
      await holder.query("BEGIN");
      await holder.query(`UPDATE "Assignment" SET "lastActivityAt" = now() WHERE id = $1`, [assignmentId]);
      const pending = Promise.all(["Types", "Scope", "HTTP"].map((title) => updateItem(org.slug, org.hire.cookie, assignmentId, org.key(title), { state: "DONE" })));
      // All three have read the row and now wait for it, at the revision they read.
      await until(async () => {
        const [row] = await queryRows<{ waiting: number }>(sql`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        return row!.waiting >= 3;
      }, "the three writes to wait for the assignment's row");
      await holder.query("COMMIT");
      answers = await pending;
    } finally {
      holder.release();
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    // None of them wrote at the stale revision: each read again and wrote once.
    expect((await retries()) - before).toBeGreaterThanOrEqual(3);
    expect(await statesOf(assignmentId)).toEqual({ [org.key("Types")]: "DONE", [org.key("Scope")]: "DONE", [org.key("HTTP")]: "DONE" });
    const stored = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progressSnapshot: true } });
    expect(stored.progressSnapshot).toMatchObject({ track: { done: 3, inProgress: 0, total: 5 } });
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id }, orderBy: { sequence: "asc" }, select: { sequence: true, type: true, payload: true } });
    expect(events.filter((event) => event.type === "progress.updated")).toHaveLength(4);
    expect(events.map((event) => Number(event.sequence))).toEqual(events.map((_, index) => index + 1));
  });

  it("keeps every change when many are sent at once to one assignment", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const titles = ["Types", "Scope", "HTTP", "Routing"];
    const answers = await Promise.all(titles.flatMap((title) => [updateItem(org.slug, org.hire.cookie, assignmentId, org.key(title), { note: `Note on ${title}` })]));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const notes = await getDb().itemProgress.findMany({ where: { assignmentId }, select: { stableKey: true, note: true } });
    expect(Object.fromEntries(notes.map((row) => [row.stableKey, row.note]))).toEqual(Object.fromEntries(titles.map((title) => [org.key(title), `Note on ${title}`])));
  });
});
