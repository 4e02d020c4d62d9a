/**
 * The one HTTP server of the process (Next.js and Socket.IO share it), with its
 * connection timeouts from the configuration. Node keeps an idle kept-alive
 * connection for only 5 s by default: a load balancer (idle timeout ~60 s) or a client
 * that reuses the connection just as the server closes it gets a reset (502s behind a
 * balancer, ECONNRESET in tests). So the server keeps idle connections longer than
 * whatever sits in front of it, and gives request headers a little longer still
 * (Node requires headersTimeout > keepAliveTimeout).
 */
import { createServer } from "node:http";
import type { IncomingMessage, RequestListener, Server, ServerResponse } from "node:http";

export interface HttpServerTimeouts {
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
}

export function createHttpServer(listener: RequestListener<typeof IncomingMessage, typeof ServerResponse>, timeouts: HttpServerTimeouts): Server {
  const server = createServer(listener);
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.headersTimeout = timeouts.headersTimeoutMs;
  return server;
}
