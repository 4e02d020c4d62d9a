/** `npm run db:seed`: adds the demo organization (idempotent) to DATABASE_URL or the embedded database. */
import { createDb } from "../lib/db/client";
import { DEMO_ORG, seedDemo } from "../lib/db/seed-demo";
import { withDatabase } from "./with-database";

await withDatabase(async (url) => {
  const db = createDb(url, 2);
  try {
    const { created } = await seedDemo(db);
    console.log(created ? `Seeded the demo organization /o/${DEMO_ORG.slug}.` : `The demo organization /o/${DEMO_ORG.slug} already exists; nothing changed.`);
  } finally {
    await db.$disconnect();
  }
});
