/**
 * A private, throw-away PostgreSQL of a given major version from Debian's server
 * binaries (/usr/lib/postgresql/<major>/bin, package postgresql-<major>), for the
 * backup tests: pg_dump cannot read the embedded PostgreSQL 18 when the machine's
 * client tools are older, so the tests dump a cluster of the tools' own version.
 *
 * It runs like the embedded server (lib/db/embedded-postgres.ts, which handles
 * running as root by switching to the `postgres` user): a fresh data directory in
 * a temp dir, a free loopback port, no fsync; stop() shuts it down and deletes it.
 * No system cluster is involved (.ci/run installs the package without one).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { freePort } from "./free-port";

export interface PrivatePostgres {
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(major: number): Promise<PrivatePostgres> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const binaries = { initdb: path.join(bin, "initdb"), postgres: path.join(bin, "postgres") };
  if (!existsSync(binaries.initdb) || !existsSync(binaries.postgres)) {
    throw new Error(
      `no PostgreSQL ${major} server binaries in ${bin}: apt-get install postgresql-${major} (.ci/run does, without creating a system cluster), or set BACKUP_TEST_DATABASE_URL to a local PostgreSQL ${major}`,
    );
  }
  const root = await mkdtemp(path.join(os.tmpdir(), `cairn-pg${major}-`));
  const dataDir = path.join(root, "data");
  let output = "";
  try {
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      durable: false,
      binaries,
      onLog: (line) => (output = `${output}${line}\n`.slice(-4_000)),
    });
    return {
      adminUrl: server.adminUrl,
      port: server.port,
      dataDir,
      async stop() {
        await server.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`cannot start a private PostgreSQL ${major} from ${bin}: ${(error as Error).message}\n${output}`);
  }
}
