/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL when set (it must be
 * local), otherwise an embedded server in a temporary folder, fast and
 * non-durable, removed afterwards.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { assertLocal } from "./database-admin";
import { freePort } from "./free-port";

export interface TestCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    assertLocal(external, "TEST_DATABASE_URL");
    return { adminUrl: external, stop: async () => undefined };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "cairn-test-pg-"));
  await chmod(dir, 0o755); // the postgres user must reach the data folder inside
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), durable: false });
  return {
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
