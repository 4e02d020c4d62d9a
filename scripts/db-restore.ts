/**
 * `npm run db:restore -- <file> [--replace]`: restores a db:backup file into
 * DATABASE_URL (or the embedded database). The database must be empty unless
 * --replace says to drop and replace what the backup holds.
 */
import { restoreDatabase } from "../lib/db/backup";
import { withDatabase } from "./with-database";

const args = process.argv.slice(2);
const replace = args.includes("--replace");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <file> [--replace]");
  process.exit(2);
}
try {
  await withDatabase((url) => restoreDatabase(url, file, { replace }));
  console.log(`Restored ${file}. Check it with: npm run db:status`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
