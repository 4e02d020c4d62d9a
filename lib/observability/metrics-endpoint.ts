/**
 * GET /metrics (Prometheus text format), answered by server.ts before Next.js sees the
 * request, so a scrape costs no rendering and is never a page:
 * - on the main port, only when METRICS_TOKEN is set, and only to a request carrying
 *   `Authorization: Bearer <token>` (compared in constant time): 401 otherwise;
 * - on METRICS_PORT (its own HTTP server, startMetricsServer), to anyone who reaches the
 *   port, unless METRICS_TOKEN is set too, which is then required there as well;
 * - with neither set, /metrics answers 404 like any unknown path.
 * Refusals use the API's error envelope.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { ERROR_HEADERS, errorEnvelope, REQUEST_ID_HEADER } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { requestIdFromValue } from "@/lib/http/request-id";
import { FIXED_SECURITY_HEADERS } from "@/lib/security/security-headers";
import { getMetrics } from "./metrics";
import { ensureScrapeGauges, forgetQueueCounts } from "./scrape-gauges";

export const METRICS_PATH = "/metrics";

export interface MetricsAccess {
  /** METRICS_TOKEN: the bearer token a scrape must carry; undefined: none required (metrics port only). */
  token: string | undefined;
  /** Whether this listener serves metrics at all (main port: only with a token). */
  enabled: boolean;
}

/** The whole scrape: Cairn's metrics, the scrape-time gauges and Node's process metrics. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  ensureScrapeGauges();
  forgetQueueCounts();
  const { registry } = getMetrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the Authorization header carries the token; hashing first makes the comparison constant-time whatever the lengths. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

function sendError(req: IncomingMessage, res: ServerResponse, error: AppError, headers: Record<string, string> = {}): void {
  const requestId = requestIdFromValue(req.headers[REQUEST_ID_HEADER]);
  const body = JSON.stringify(errorEnvelope(error, requestId));
  res.writeHead(error.status, {
    ...Object.fromEntries(FIXED_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    ...ERROR_HEADERS,
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    [REQUEST_ID_HEADER]: requestId,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

const notFound = () => new AppError("NOT_FOUND", "There is nothing here.");

function isMetricsPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = url.split("?", 1)[0];
  return path === METRICS_PATH || path === `${METRICS_PATH}/`;
}

/**
 * Answers GET /metrics as `access` allows and returns true; returns false for any other
 * path (server.ts hands those to Next.js).
 */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, access: MetricsAccess): boolean {
  if (!isMetricsPath(req.url)) return false;
  if (!access.enabled) {
    sendError(req, res, notFound());
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendError(req, res, new AppError("METHOD_NOT_ALLOWED", `${req.method} is not allowed here; use GET.`), { allow: "GET, HEAD" });
    return true;
  }
  if (access.token !== undefined && !bearerMatches(req.headers.authorization, access.token)) {
    sendError(req, res, new AppError("UNAUTHENTICATED", "Scraping the metrics needs the bearer token (METRICS_TOKEN)."), { "www-authenticate": 'Bearer realm="metrics"' });
    return true;
  }
  renderMetrics().then(
    ({ contentType, body }) => {
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    },
    () => sendError(req, res, new AppError("INTERNAL", "The metrics could not be collected.")),
  );
  return true;
}

/** The main port's access: metrics only with a token (METRICS_TOKEN). */
export function mainPortAccess(config: { METRICS_TOKEN?: string }): MetricsAccess {
  return { token: config.METRICS_TOKEN, enabled: config.METRICS_TOKEN !== undefined };
}

/** A server of its own on METRICS_PORT that answers only /metrics (404 envelope for anything else). */
export async function startMetricsServer(options: { port: number; host: string; token: string | undefined }): Promise<Server> {
  const access: MetricsAccess = { token: options.token, enabled: true };
  const server = createServer((req, res) => {
    if (!serveMetrics(req, res, access)) sendError(req, res, notFound());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}

/** server.ts's metrics port from the configuration: started when METRICS_PORT is set; `stop` closes it. */
export async function startConfiguredMetricsServer(config: { METRICS_PORT?: number; METRICS_HOST?: string; HOST: string; METRICS_TOKEN?: string }): Promise<{ stop(): Promise<void> } | undefined> {
  if (config.METRICS_PORT === undefined) return undefined;
  const server = await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST ?? config.HOST, token: config.METRICS_TOKEN });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
