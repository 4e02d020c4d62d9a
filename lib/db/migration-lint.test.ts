import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { APPLIED_HISTORY, MIGRATION_TIMEOUTS, lintMigrations } from "./migration-lint";

const CONFIG = path.resolve(".squawk.toml");
const dirs: string[] = [];

/** A migrations folder holding the given migration.sql files, by folder name. */
async function migrations(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cairn-lint-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const lint = (migrationsDir: string) => lintMigrations({ migrationsDir, configFile: CONFIG });

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("the migration lint", () => {
  it("passes the project's own migrations", async () => {
    const result = await lint(path.resolve("prisma/migrations"));
    expect(result.report).toBe("");
    expect(result.ok).toBe(true);
  });

  it("refuses a column drop, a rename and a blocking index on an existing table", async () => {
    const result = await lint(
      await migrations({
        "20990101000000_contract_too_soon": `${MIGRATION_TIMEOUTS}ALTER TABLE "Assignment" DROP COLUMN "stuckAfterDays";\nALTER TABLE "Track" RENAME COLUMN "title" TO "name";\nCREATE INDEX "Track_name_idx" ON "Track"("name");\n`,
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.report).toContain("ban-drop-column");
    expect(result.report).toContain("renaming-column");
    expect(result.report).toContain("require-concurrent-index-creation");
  });

  it("refuses a migration without lock and statement timeouts, and a foreign key that scans under lock", async () => {
    const result = await lint(
      await migrations({
        "20990101000000_add_link": `ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_trackId_fkey2" FOREIGN KEY ("trackId") REFERENCES "Track"("id");\n`,
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.report).toContain("require-lock-timeout");
    expect(result.report).toContain("require-statement-timeout");
    expect(result.report).toContain("constraint-missing-not-valid");
  });

  it("passes the expand steps written the safe way, and a contract step that says why", async () => {
    const result = await lint(
      await migrations({
        "20990101000000_expand": `${MIGRATION_TIMEOUTS}CREATE TABLE "Badge" ("id" TEXT NOT NULL, "trackId" TEXT NOT NULL, CONSTRAINT "Badge_pkey" PRIMARY KEY ("id"));
CREATE INDEX "Badge_trackId_idx" ON "Badge"("trackId");
ALTER TABLE "Badge" ADD CONSTRAINT "Badge_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") NOT VALID;
ALTER TABLE "Track" ADD COLUMN "name" TEXT;
`,
        "20990101000001_validate": `${MIGRATION_TIMEOUTS}ALTER TABLE "Badge" VALIDATE CONSTRAINT "Badge_trackId_fkey";\n`,
        "20990101000002_contract": `${MIGRATION_TIMEOUTS}-- Contract: no release since 2099-01-01 reads "title" (docs/operations.md#migrations).
-- squawk-ignore ban-drop-column
ALTER TABLE "Track" DROP COLUMN "title";
`,
      }),
    );
    expect(result.report).toBe("");
    expect(result.ok).toBe(true);
    expect(result.linted).toHaveLength(3);
  });

  it("leaves the applied history alone, and lints every migration after it", async () => {
    const [applied] = APPLIED_HISTORY;
    const unsafe = `ALTER TABLE "Track" DROP COLUMN "title";\n`;
    const dir = await migrations({ [applied!]: unsafe, "20990101000000_later": unsafe });
    const result = await lint(dir);
    expect(result.linted).toEqual([path.join(dir, "20990101000000_later", "migration.sql")]);
    expect(result.ok).toBe(false);
    expect(result.report).not.toContain(applied);
  });
});
