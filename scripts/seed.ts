/**
 * `npm run db:seed`: adds the demo organization (idempotent) to DATABASE_URL or the embedded database.
 * Its accounts share a published password, so outside development it needs SEED_DEMO=true.
 */
import { existsSync } from "node:fs";
import { parseConfig } from "../lib/config";
import { createDb } from "../lib/db/client";
import { DEMO_ORG, seedDemo } from "../lib/db/seed-demo";
import { withDatabase } from "./with-database";

if (existsSync(".env")) process.loadEnvFile(".env");
const config = parseConfig(process.env);
if (config.NODE_ENV !== "development" && config.SEED_DEMO !== true) {
  console.error(`Refusing to seed the demo accounts (their password is published) with NODE_ENV=${config.NODE_ENV}: set SEED_DEMO=true if you mean it.`);
  process.exit(2);
}

await withDatabase(async (url) => {
  const db = createDb(url, 2);
  try {
    const { created } = await seedDemo(db);
    console.log(created ? `Seeded the demo organization /o/${DEMO_ORG.slug}.` : `The demo organization /o/${DEMO_ORG.slug} already exists; nothing changed.`);
  } finally {
    await db.$disconnect();
  }
});
