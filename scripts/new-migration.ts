/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
 * brings the migrations up to prisma/schema.prisma.
 *   npm run db:new-migration -- add_tracks
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { MIGRATION_TIMEOUTS } from "../lib/db/migration-lint";
import { diffMigrationsToSchema } from "../lib/db/prisma-cli";
import { withDatabase } from "./with-database";

const name = process.argv[2] ?? "";
if (!/^[a-z][a-z0-9_]{0,60}$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _, e.g. add_tracks)");
  process.exit(2);
}

const sql = await withDatabase(diffMigrationsToSchema);
if (!sql) {
  console.log("prisma/schema.prisma and the migrations already agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), MIGRATION_TIMEOUTS + sql);
console.log(`Wrote ${dir}/migration.sql — read it, run npm run db:lint (docs/operations.md#migrations), then apply it with npm run db:migrate.`);
