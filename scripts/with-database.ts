/** Runs `task` with a database URL: DATABASE_URL, or the embedded server started for the task. */
import { existsSync } from "node:fs";
import { parseConfig } from "../lib/config";
import { resolveDatabase } from "../lib/db/local-database";

export async function withDatabase<T>(task: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const database = await resolveDatabase(parseConfig(process.env));
  try {
    return await task(database.url);
  } finally {
    await database.embedded?.stop();
  }
}
