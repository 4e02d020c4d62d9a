/** Before each integration test file: a fresh database cloned from the migrated template. */
import { afterAll, inject } from "vitest";
import { resetConfig } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { createDatabase, dropDatabase, uniqueName } from "../support/database-admin";

const adminUrl = inject("adminDatabaseUrl");
const name = uniqueName("cairn_test");
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject("templateDatabase"));
process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
resetConfig();

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(adminUrl, name);
});
