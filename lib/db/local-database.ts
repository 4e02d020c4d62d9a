/**
 * Resolves the database to use: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL under EMBEDDED_POSTGRES_DIR (started here, stopped by the caller).
 */
import type { Config } from "@/lib/config";
import { startEmbeddedPostgres } from "./embedded-postgres";
import type { EmbeddedPostgres } from "./embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  /** Present when this process started the embedded server and must stop it. */
  embedded?: EmbeddedPostgres;
}

export const EMBEDDED_DATABASE_NAME = "cairn";

export async function resolveDatabase(config: Config, onLog?: (line: string) => void): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_POSTGRES_DIR, port: config.EMBEDDED_POSTGRES_PORT, onLog });
  const url = await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
  return { url, embedded };
}
