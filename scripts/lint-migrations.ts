/**
 * `npm run db:lint`: squawk over every migration written after the lint was
 * introduced (lib/db/migration-lint.ts); fails on any finding.
 */
import { APPLIED_HISTORY, lintMigrations } from "../lib/db/migration-lint";

const result = await lintMigrations({ migrationsDir: "prisma/migrations", configFile: ".squawk.toml" });
if (!result.ok) {
  console.error(result.report);
  console.error("\nA migration takes an unsafe lock, or drops or renames what the running release still uses.");
  console.error("Rules and the expand → deploy → contract steps: docs/operations.md#migrations.");
  process.exit(1);
}
console.log(`Migration lint: ${result.linted.length} migration(s) clean (${APPLIED_HISTORY.size} applied before the lint are history).`);
