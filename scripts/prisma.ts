/**
 * `npm run db:* ` entry point: runs the Prisma CLI with DATABASE_URL, starting
 * the embedded PostgreSQL first when DATABASE_URL is unset (and stopping it after).
 *   tsx scripts/prisma.ts migrate deploy
 */
import { existsSync } from "node:fs";
import { parseConfig } from "../lib/config";
import { resolveDatabase } from "../lib/db/local-database";
import { runPrismaCli } from "../lib/db/prisma-cli";

if (existsSync(".env")) process.loadEnvFile(".env");

const args = process.argv.slice(2);
const config = parseConfig(process.env);
const database = await resolveDatabase(config);
if (database.embedded) console.log(`Using the embedded PostgreSQL in ${config.EMBEDDED_POSTGRES_DIR} (port ${config.EMBEDDED_POSTGRES_PORT}).`);
let code = 1;
try {
  code = (await runPrismaCli(args, { databaseUrl: database.url, inherit: true })).code;
} finally {
  await database.embedded?.stop();
}
process.exit(code);
