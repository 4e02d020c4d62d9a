/**
 * Child-process helper for tests/db/embedded-postgres.test.ts: starts the
 * embedded PostgreSQL on the given data dir and port and prints the server's pid
 * and URL. Then, by mode:
 *  - "die" (default): kills itself with SIGKILL so it never stops the server —
 *    the way a crashed or `kill -9`ed Cairn process leaves an orphan postgres;
 *  - "stop": calls stop() and exits normally — the way `npm run db:migrate`
 *    behaves while `npm run dev` already runs the database.
 *
 * Usage: node --import tsx tests/support/start-and-die.ts <dataDir> <port> [die|stop]
 */
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const [dataDir, port, mode = "die"] = process.argv.slice(2);
if (!dataDir || !port) throw new Error("usage: start-and-die.ts <dataDir> <port> [die|stop]");

const server = await startEmbeddedPostgres({ dataDir, port: Number(port), durable: false });
process.stdout.write(`${JSON.stringify({ pid: server.pid, port: server.port, adminUrl: server.adminUrl })}\n`, () => {
  if (mode === "stop") void server.stop().then(() => process.exit(0));
  else process.kill(process.pid, "SIGKILL");
});
