/**
 * Graceful shutdown of the one server process, in order: stop accepting
 * connections, close sockets, let in-flight requests finish (bounded), then run
 * the clean-up steps (database client, embedded PostgreSQL) last to first.
 */
import type { Server as HttpServer } from "node:http";
import type { Logger } from "@/lib/observability/logger";

export interface ShutdownOptions {
  server: HttpServer;
  /** Closes realtime connections (before waiting on HTTP, so they do not hold it open). */
  closeSockets?: () => Promise<void>;
  /** Run after HTTP has drained, in the order given. */
  cleanup: Array<{ name: string; run: () => Promise<void> }>;
  timeoutMs: number;
  log: Logger;
}

export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  let running: Promise<void> | undefined;
  return (reason) => {
    running ??= shutdown(reason, options);
    return running;
  };
}

async function shutdown(reason: string, { server, closeSockets, cleanup, timeoutMs, log }: ShutdownOptions): Promise<void> {
  log.info({ reason }, "shutting down: no new connections; finishing in-flight requests");
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() only closes the connections idle at that moment: a keep-alive connection whose
  // in-flight request finishes later would stay open (and hold `drained`) until the timeout.
  // So keep closing connections as they go idle until HTTP has drained.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  await closeSockets?.().catch((error: unknown) => log.error({ err: error }, "closing sockets failed"));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  if ((await Promise.race([drained, timedOut])) === "timeout") {
    log.warn({ timeoutMs }, "in-flight requests did not finish in time; closing their connections");
    server.closeAllConnections();
    await drained;
  }
  clearTimeout(timer);
  clearInterval(idleSweep);

  for (const step of cleanup) {
    try {
      await step.run();
    } catch (error) {
      log.error({ err: error, step: step.name }, "shutdown step failed");
    }
  }
  log.info("stopped");
}
