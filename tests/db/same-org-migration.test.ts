/**
 * The same-organization keys (decision 0020) arrive on databases that already hold
 * rows. A database migrated up to the migration before them gets rows written the old
 * way, then the rest of the migrations: consistent rows pass, notifications whose
 * assignment is gone (there was no foreign key) are removed, and a row whose parent is
 * in another organization stops the migration with the constraint's name instead of
 * being kept or silently deleted.
 */
import { randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDeploy } from "@/lib/db/prisma-cli";
import { createDatabase, dropDatabase, uniqueName } from "../support/database-admin";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const FIRST_NEW_MIGRATION = "20261206173000_same_org_track_key";
const adminUrl = () => process.env.TEST_ADMIN_DATABASE_URL!;
const cleanup: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const step of cleanup) await step();
});

/** A copy of what the Prisma CLI needs, with the migrations before FIRST_NEW_MIGRATION only; `finish()` adds the rest. */
async function projectBeforeTheKeys() {
  const copy = await mkdtemp(path.join(os.tmpdir(), "cairn-same-org-migration-"));
  cleanup.push(() => rm(copy, { recursive: true, force: true }));
  for (const file of ["prisma/schema.prisma", "prisma/migrations/migration_lock.toml", "prisma.config.ts", "lib/db/catalog-types-glue.ts", "lib/db/connection.ts", "scripts/unref-timers.cjs", "package.json"]) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await cp(path.join(projectRoot, file), path.join(copy, file));
  }
  await symlink(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
  const folders = (await readdir(path.join(projectRoot, "prisma/migrations"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  expect(folders).toContain(FIRST_NEW_MIGRATION);
  const copyFolders = async (names: string[]) => {
    for (const name of names) await cp(path.join(projectRoot, "prisma/migrations", name), path.join(copy, "prisma/migrations", name), { recursive: true });
  };
  await copyFolders(folders.filter((name) => name < FIRST_NEW_MIGRATION));
  return { dir: copy, finish: () => copyFolders(folders.filter((name) => name >= FIRST_NEW_MIGRATION)) };
}

async function emptyDatabase(): Promise<string> {
  const name = uniqueName("cairn_same_org");
  cleanup.push(() => dropDatabase(adminUrl(), name));
  return createDatabase(adminUrl(), name);
}

async function withClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** One organization's chain of rows, written with plain SQL as the old schema allowed. */
async function writeTenant(client: pg.Client, overrides: { trackOrganizationId?: string } = {}) {
  const ids = { org: randomUUID(), user: randomUUID(), track: randomUUID(), version: randomUUID(), node: randomUUID(), assignment: randomUUID(), attempt: randomUUID() };
  const run = (text: string, values: unknown[]) => client.query(text, values);
  await run(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [ids.user, `${ids.user}@example.test`]);
  await run(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, 'Org', $1, now())`, [ids.org]);
  await run(`INSERT INTO "Track" (id, "organizationId", title, "updatedAt") VALUES ($1, $2, 'Track', now())`, [ids.track, overrides.trackOrganizationId ?? ids.org]);
  await run(`INSERT INTO "TrackVersion" (id, "organizationId", "trackId", number, status, "updatedAt") VALUES ($1, $2, $3, 1, 'PUBLISHED', now())`, [ids.version, ids.org, ids.track]);
  await run(`INSERT INTO "TrackNode" (id, "organizationId", "versionId", position, depth, ordinal, kind, title, "stableKey") VALUES ($1, $2, $3, 0, 0, 0, 'ITEM', 'Item', 'key')`, [ids.node, ids.org, ids.version]);
  await run(`INSERT INTO "Assignment" (id, "organizationId", "trackId", "versionId", "assigneeId", "startDate", "updatedAt") VALUES ($1, $2, $3, $4, $5, current_date, now())`, [
    ids.assignment,
    ids.org,
    ids.track,
    ids.version,
    ids.user,
  ]);
  await run(`INSERT INTO "EvidenceAttempt" (id, "organizationId", "assignmentId", "stableKey", number, "submittedById", "updatedAt") VALUES ($1, $2, $3, 'key', 1, $4, now())`, [
    ids.attempt,
    ids.org,
    ids.assignment,
    ids.user,
  ]);
  await run(`INSERT INTO "EvidenceFile" (id, "organizationId", "attemptId", name, mime, size, "storageKey") VALUES ($1, $2, $3, 'a.txt', 'text/plain', 1, $1)`, [randomUUID(), ids.org, ids.attempt]);
  return ids;
}

const notification = (client: pg.Client, organizationId: string, userId: string, assignmentId: string) =>
  client.query(`INSERT INTO "Notification" (id, "organizationId", "userId", type, "assignmentId", "stableKey") VALUES ($1, $2, $3, 'comment.created', $4, 'key') RETURNING id`, [
    randomUUID(),
    organizationId,
    userId,
    assignmentId,
  ]);

describe("the same-organization keys on a database with rows", () => {
  it("validates consistent rows, removes notifications of missing or foreign assignments, and leaves every key validated", async () => {
    const project = await projectBeforeTheKeys();
    const url = await emptyDatabase();
    await migrateDeploy(url, project.dir);
    const kept = await withClient(url, async (client) => {
      const a = await writeTenant(client);
      const b = await writeTenant(client);
      await notification(client, a.org, a.user, randomUUID()); // its assignment never existed
      await notification(client, a.org, a.user, b.assignment); // another organization's assignment
      return (await notification(client, a.org, a.user, a.assignment)).rows[0].id as string;
    });

    await project.finish();
    await migrateDeploy(url, project.dir);

    await withClient(url, async (client) => {
      const left = await client.query(`SELECT id FROM "Notification"`);
      expect(left.rows.map((row) => row.id)).toEqual([kept]);
      const keys = await client.query(
        `SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f' AND conname = ANY($1) ORDER BY conname`,
        [
          [
            "Assignment_organizationId_trackId_fkey",
            "Assignment_organizationId_trackId_versionId_fkey",
            "EvidenceFile_organizationId_attemptId_fkey",
            "Notification_organizationId_assignmentId_fkey",
            "TrackNode_organizationId_versionId_fkey",
            "TrackVersion_organizationId_trackId_fkey",
          ],
        ],
      );
      expect(keys.rows).toHaveLength(6);
      expect(keys.rows.every((row) => row.convalidated === true)).toBe(true);
      // The old single-column keys are gone, and no key was left invalid (a failed CONCURRENTLY build leaves one).
      const old = await client.query(`SELECT conname FROM pg_constraint WHERE conname IN ('TrackVersion_trackId_fkey', 'TrackNode_versionId_fkey', 'Assignment_trackId_fkey', 'Assignment_versionId_fkey', 'EvidenceFile_attemptId_fkey')`);
      expect(old.rows).toEqual([]);
      const invalid = await client.query(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid`);
      expect(invalid.rows).toEqual([]);
    });
  });

  it("stops, naming the key, when a row's parent is in another organization", async () => {
    const project = await projectBeforeTheKeys();
    const url = await emptyDatabase();
    await migrateDeploy(url, project.dir);
    await withClient(url, async (client) => {
      const other = await writeTenant(client);
      // A version (and everything under it) in one organization, its track in another.
      await writeTenant(client, { trackOrganizationId: other.org });
    });

    await project.finish();
    await expect(migrateDeploy(url, project.dir)).rejects.toThrow(/TrackVersion_organizationId_trackId_fkey/);
  });
});
