// Configuration for the Prisma CLI (migrate deploy/status/diff, generate).
// Prisma 6.19 runs its schema engine as WebAssembly through a driver adapter, so
// no native engine binary is downloaded (see docs/decisions/0001-prisma-6-19-wasm-engine.md).
// Run it through `npm run db:*` (scripts/prisma.ts), which supplies DATABASE_URL,
// starting the embedded PostgreSQL when none is configured.
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/db/catalog-types-glue";
import { parseDatabaseUrl } from "./lib/db/connection";

// Prisma skips .env loading when a config file exists.
if (existsSync(".env")) process.loadEnvFile(".env");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run Prisma through `npm run db:*`, which starts the embedded database");
    return migrationAdapter(parseDatabaseUrl(url));
  },
});
