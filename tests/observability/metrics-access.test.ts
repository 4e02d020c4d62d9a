/**
 * Who may scrape: /metrics on the main port answers only with METRICS_TOKEN as a bearer
 * token (401 envelope without it or with a wrong one) and is off (404 envelope) without
 * a token; METRICS_PORT serves it on a server of its own, where the token is required
 * too when one is set. Each listener is server.ts's: serveMetrics in front of the
 * request handler, startConfiguredMetricsServer from the parsed configuration.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { bearerMatches, mainPortAccess, serveMetrics, startConfiguredMetricsServer } from "@/lib/observability/metrics-endpoint";
import { freePort } from "../support/free-port";
import { parseMetrics, valueOf } from "../support/scrape-metrics";

const TOKEN = "a-metrics-token-of-32-characters!";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The main port as server.ts builds it, with "the page" standing in for Next.js after the metrics check. */
async function mainPort(env: Record<string, string>) {
  const access = mainPortAccess(parseConfig(env));
  const server = createServer((req, res) => {
    if (serveMetrics(req, res, access)) return;
    res.writeHead(200, { "content-type": "text/plain" }).end("the page");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const scrape = (url: string, authorization?: string, method = "GET") => fetch(`${url}/metrics`, { method, headers: authorization ? { authorization } : {} });

describe("/metrics on the main port", () => {
  it("is off without METRICS_TOKEN: 404 in the error envelope, even with a bearer token", async () => {
    const url = await mainPort({});
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await scrape(url, authorization);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", requestId: expect.any(String) } });
    }
    // Other paths still reach the application.
    expect(await (await fetch(`${url}/o/acme`)).text()).toBe("the page");
  });

  it("refuses a scrape without the token or with a wrong one (401), and serves the text format with it", async () => {
    const url = await mainPort({ METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${Buffer.from(`u:${TOKEN}`).toString("base64")}`, TOKEN]) {
      const response = await scrape(url, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
      expect(body).not.toContain("cairn_");
    }
    const response = await scrape(url, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(await response.text());
    expect(samples.some((sample) => sample.name === "process_cpu_user_seconds_total")).toBe(true);
    expect(samples.some((sample) => sample.name.startsWith("cairn_"))).toBe(true);
  });

  it("answers only GET and HEAD", async () => {
    const url = await mainPort({ METRICS_TOKEN: TOKEN });
    const response = await scrape(url, `Bearer ${TOKEN}`, "POST");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect((await scrape(url, `Bearer ${TOKEN}`, "HEAD")).status).toBe(200);
  });

  it("compares tokens whatever their lengths", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer   ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
    expect(bearerMatches("Bearer ", TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${"x".repeat(10_000)}`, TOKEN)).toBe(false);
  });
});

describe("METRICS_PORT", () => {
  async function metricsPort(env: Record<string, string>) {
    const port = await freePort();
    const server = await startConfiguredMetricsServer(parseConfig({ ...env, METRICS_PORT: String(port), METRICS_HOST: "127.0.0.1" }));
    cleanups.push(async () => server?.stop());
    return `http://127.0.0.1:${port}`;
  }

  it("serves /metrics on its own server, and nothing else there", async () => {
    const url = await metricsPort({});
    const response = await scrape(url);
    expect(response.status).toBe(200);
    expect(valueOf(parseMetrics(await response.text()), "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    for (const path of ["/", "/api/health/live", "/o/acme"]) {
      const other = await fetch(`${url}${path}`);
      expect(other.status).toBe(404);
      expect(await other.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });

  it("requires the token there too when METRICS_TOKEN is set", async () => {
    const url = await metricsPort({ METRICS_TOKEN: TOKEN });
    expect((await scrape(url)).status).toBe(401);
    expect((await scrape(url, "Bearer wrong-token-wrong-token")).status).toBe(401);
    expect((await scrape(url, `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it("is not started without METRICS_PORT, and may not be the main port", async () => {
    expect(await startConfiguredMetricsServer(parseConfig({}))).toBeUndefined();
    expect(() => parseConfig({ PORT: "3000", METRICS_PORT: "3000" })).toThrow(ConfigError);
    expect(() => parseConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: expected at least 16 characters.*\(got "<redacted>"\)/);
  });
});
