/**
 * Child-process helper for tests/db/embedded-postgres.test.ts: starts the
 * embedded PostgreSQL on the given data dir and port, prints the server's pid,
 * then kills itself with SIGKILL so it never gets to stop the server — the way
 * a crashed or `kill -9`ed Cairn process leaves an orphan postgres behind.
 *
 * Usage: node --import tsx tests/support/start-and-die.ts <dataDir> <port>
 */
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error("usage: start-and-die.ts <dataDir> <port>");

const server = await startEmbeddedPostgres({ dataDir, port: Number(port), durable: false });
process.stdout.write(`${JSON.stringify({ pid: server.pid, adminUrl: server.adminUrl })}\n`, () => {
  process.kill(process.pid, "SIGKILL");
});
