/**
 * Deleting an organization (decision 0045): every row of every table that holds an
 * organizationId goes (the test makes at least one row of each kind first, so a table
 * added later without a row here fails it), the files leave storage by the job, another
 * organization keeps everything, and a refused request changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, GET as getOrganizationRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/export/route";
import { getConfig } from "@/lib/config";
import { getDb, getPool } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue, waitFor } from "../support/job-queue";
import { storedState } from "../support/stored-state";
import { buildWorld } from "../security/matrix/world";
import type { World } from "../security/matrix/world";

let queue: JobQueue | undefined;
let a: World;
let b: World;

/** The tables with an organizationId column, from the database itself. */
async function organizationTables(): Promise<string[]> {
  const { rows } = await getPool().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE column_name = 'organizationId' AND table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function rowCounts(organizationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await organizationTables()) {
    const { rows } = await getPool().query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}" WHERE "organizationId" = $1`, [organizationId]);
    counts[table] = rows[0]!.count;
  }
  return counts;
}

function storedFiles(organizationId: string): string[] {
  const directory = path.join(getConfig().UPLOADS_DIR, "evidence", organizationId);
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => !name.startsWith(".")) : [];
}

/** The rows the matrix world does not make through its routes: one of each, made directly. */
async function everyKindOfRow(world: World) {
  const db = getDb();
  const organizationId = world.organization.id;
  const { assignmentId, attemptId } = world;
  const hire = world.people.hire.userId;
  await world.deliveredWebhook();
  const account = await db.user.create({ data: { name: "CI bot", email: `service-${world.slug}@service-accounts.cairn.invalid`, serviceAccount: true } });
  await db.membership.create({ data: { organizationId, userId: account.id, role: "MEMBER" } });
  await db.apiToken.create({ data: { organizationId, userId: account.id, kind: "SERVICE", name: "CI bot", prefix: "cairn_svc_x", tokenHash: `hash-${world.slug}`, scopes: ["org.read"] } });
  await db.reminderSend.create({ data: { organizationId, userId: hire, key: `nudge:${world.slug}`, kind: "nudge", assignmentId } });
  await db.eventOccasion.create({ data: { organizationId, key: `assignment.stuck:${assignmentId}:2026-12-01`, type: "assignment.stuck", assignmentId } });
  await db.dueDateExtension.create({ data: { organizationId, assignmentId, newDueDate: new Date("2027-01-15"), reason: "Holidays" } });
  await db.organizationGitHubSettings.create({ data: { organizationId, sealedToken: "sealed" } });
  await db.idempotencyKey.create({ data: { organizationId, userId: hire, key: `key-${world.slug}`, operation: "test", requestHash: "h", status: 200, response: {} } });
  await db.evidenceCheck.create({ data: { organizationId, attemptId } });
  await db.invitationBlock.create({ data: { organizationId, recipientHash: `block-${world.slug}` } });
  return { serviceAccountId: account.id };
}

const remove = (world: World, cookie: string, body: unknown, slug = world.slug) => callRoute(deleteRoute, { path: `/api/v1/o/${slug}`, method: "DELETE", params: { orgSlug: slug }, cookie, body });

async function exportText(world: World, cookie: string) {
  const request = new Request(`http://localhost:3000/api/v1/o/${world.slug}/export`, { headers: { cookie } });
  const response = await exportRoute(request, { params: Promise.resolve({ orgSlug: world.slug }) });
  return { response, text: await response.text() };
}

beforeAll(async () => {
  queue = await startTestJobQueue();
  a = await buildWorld();
  b = await buildWorld();
}, 120_000);
afterAll(() => stopTestJobQueue(queue));

describe("GET /api/v1/o/{orgSlug}/export", () => {
  it("gives the owner one JSON document of the organization's data, and nothing of another organization", async () => {
    const { response, text } = await exportText(a, a.people.owner.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="cairn-${a.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    const document = JSON.parse(text);
    expect(document.organization).toMatchObject({ id: a.organization.id, slug: a.slug, name: a.organization.name });
    const people = await getDb().user.findMany({ where: { id: { in: Object.values(a.people).map((person) => person.userId) } }, select: { id: true, email: true } });
    const emailOf = (name: keyof World["people"]) => people.find((user) => user.id === a.people[name].userId)!.email;
    expect(document.members.map((member: { user: { email: string } }) => member.user.email)).toEqual(expect.arrayContaining([emailOf("owner"), emailOf("hire"), emailOf("mentor")]));
    expect(document.invitations).toHaveLength(1);
    expect(document.tracks).toHaveLength(1);
    expect(document.tracks[0].versions.map((version: { number: number }) => version.number)).toEqual([1, 2, 3, 4, 5]);
    expect(document.tracks[0].versions[0].outline).toContain("Loops");
    const [assignment] = document.assignments;
    expect(assignment).toMatchObject({ id: a.assignmentId, assignee: { email: emailOf("hire") }, version: { number: 1 } });
    expect(assignment.progress).toEqual(expect.arrayContaining([expect.objectContaining({ stableKey: a.key("Types"), state: "IN_PROGRESS", note: "Reading about types." })]));
    expect(document.evidence).toEqual([expect.objectContaining({ id: a.attemptId, note: "My loops, with the run log." })]);
    expect(document.evidence[0].files).toEqual([expect.objectContaining({ id: a.fileId, name: "run.log", download: `/api/v1/o/${a.slug}/evidence/files/${a.fileId}` })]);
    expect(document.comments.map((comment: { body: string }) => comment.body).sort()).toEqual(["Is `unknown` better than `any`?", "Usually, yes."]);
    expect(document.auditLog[0]).toMatchObject({ type: "organization.exported" });
    expect(document.auditLog.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(["comment.created", "member.removed"]));

    for (const foreign of [b.organization.id, b.slug, b.assignmentId, b.attemptId, b.fileId, b.trackId, b.people.hire.userId, b.people.outsider.userId]) expect(text).not.toContain(foreign);
  });

  it("is the owner's alone: an admin gets 403, another organization's owner 404", async () => {
    expect((await exportText(a, a.people.admin.cookie)).response.status).toBe(403);
    expect((await exportText(a, b.people.owner.cookie)).response.status).toBe(404);
  });
});

describe("DELETE /api/v1/o/{orgSlug}", () => {
  it("refuses without the typed name, a wrong name, a non-owner and another organization's owner, changing nothing", async () => {
    const before = await storedState();
    const name = a.organization.name;
    const missing = await remove(a, a.people.owner.cookie, {});
    expect(missing.status).toBe(422);
    expect(missing.json!.error.details.issues).toEqual([{ path: "body.confirmName", message: "Type the organization's name to confirm." }]);
    const wrong = await remove(a, a.people.owner.cookie, { confirmName: `${name}x` });
    expect(wrong.status).toBe(422);
    expect(wrong.json!.error.message).toBe(`Type the organization's name, ${name}, to confirm. Nothing was deleted.`);
    expect((await remove(a, a.people.owner.cookie, { confirmName: name.toUpperCase() })).status).toBe(422);
    expect((await remove(a, a.people.admin.cookie, { confirmName: name })).status).toBe(403);
    expect((await remove(a, a.people.hire.cookie, { confirmName: name })).status).toBe(403);
    expect((await remove(a, b.people.owner.cookie, { confirmName: name })).status).toBe(404);
    expect((await remove(a, a.people.removed.cookie, { confirmName: name })).status).toBe(404);
    expect(await storedState()).toEqual(before);
  });

  it("deletes every row of the organization and its files, keeps the people and another organization whole", async () => {
    const { serviceAccountId } = await everyKindOfRow(a);
    await everyKindOfRow(b);
    // A's hire is in B too: their session and B stay as they were.
    await getDb().membership.create({ data: { organizationId: b.organization.id, userId: a.people.hire.userId, role: "MEMBER" } });
    expect(storedFiles(a.organization.id)).toHaveLength(1);
    const beforeA = await rowCounts(a.organization.id);
    const empty = Object.entries(beforeA).filter(([, count]) => count === 0).map(([table]) => table);
    expect(empty, "tables this test makes no row in: add one to everyKindOfRow").toEqual([]);
    const beforeB = await rowCounts(b.organization.id);
    const filesOfB = storedFiles(b.organization.id);

    const deleted = await remove(a, a.people.owner.cookie, { confirmName: ` ${a.organization.name} ` });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ slug: a.slug, name: a.organization.name, deleted: true });

    expect(await getDb().organization.findUnique({ where: { id: a.organization.id } })).toBeNull();
    const afterA = await rowCounts(a.organization.id);
    expect(afterA).toEqual(Object.fromEntries(Object.keys(beforeA).map((table) => [table, 0])));
    expect(await rowCounts(b.organization.id)).toEqual(beforeB);

    // People keep their accounts; the organization's service account goes with it.
    const people = Object.values(a.people).map((person) => person.userId);
    expect(await getDb().user.count({ where: { id: { in: people } } })).toBe(people.length);
    expect(await getDb().user.findUnique({ where: { id: serviceAccountId } })).toBeNull();
    const stillInB = await callRoute(getOrganizationRoute, { path: `/api/v1/o/${b.slug}`, params: { orgSlug: b.slug }, cookie: a.people.hire.cookie });
    expect(stillInB.status).toBe(200);

    // The files: a job enqueued with the deletion removes them (and runs again an hour later).
    const { rows: jobs } = await getPool().query<{ start_after: Date }>(`SELECT start_after FROM pgboss.job WHERE name = 'orgs.delete-files' AND data->>'organizationId' = $1 ORDER BY start_after`, [a.organization.id]);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.start_after.getTime() - jobs[0]!.start_after.getTime()).toBeGreaterThan(50 * 60_000);
    await waitFor("the files of the deleted organization to leave storage", () => storedFiles(a.organization.id).length === 0);
    expect(storedFiles(b.organization.id)).toEqual(filesOfB);

    // The slug is gone for everyone: its owner gets 404 now.
    expect((await remove(a, a.people.owner.cookie, { confirmName: a.organization.name })).status).toBe(404);
    expect((await exportText(a, a.people.owner.cookie)).response.status).toBe(404);
  });
});
