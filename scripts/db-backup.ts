/**
 * `npm run db:backup [-- <file>]`: a pg_dump custom-format backup of DATABASE_URL
 * (or of the embedded database), by default to backups/cairn-<UTC time>.dump.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "../lib/db/backup";
import { withDatabase } from "./with-database";

const file = process.argv[2] ?? path.join("backups", `cairn-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
await mkdir(path.dirname(path.resolve(file)), { recursive: true });
try {
  const { tool, serverMajor } = await withDatabase((url) => backupDatabase(url, file));
  console.log(`Backed up to ${file} (${tool}, PostgreSQL ${serverMajor}). Restore with: npm run db:restore -- ${file}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
