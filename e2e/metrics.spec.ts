/**
 * /metrics on the real server (server.ts, production build, METRICS_TOKEN set by
 * global-setup): the token is required, API requests are counted once under their
 * endpoint's template (the gate's count crosses from the route handler's module graph to
 * server.ts's wrapper), and pages under the app directory's templates, never their ids.
 * Other tests run against the same server meanwhile, so counts are compared as "at least".
 */
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { parseMetrics, valueOf } from "../tests/support/metrics-text";
import type { Sample } from "../tests/support/metrics-text";
import { E2E_METRICS_TOKEN } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";

const COUNT = "cairn_http_request_duration_seconds_count";

async function scrape(request: APIRequestContext): Promise<{ text: string; samples: Sample[] }> {
  const response = await request.get("/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  return { text, samples: parseMetrics(text) };
}

test("the real server refuses a scrape without the token", async ({ request }) => {
  const anonymous = await request.get("/metrics");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
  expect((await request.get("/metrics", { headers: { authorization: "Bearer not-the-metrics-token" } })).status()).toBe(401);
});

test("requests through the real server are counted once, under templates, never under ids", async ({ request }) => {
  const token = randomBytes(32).toString("base64url");
  const before = (await scrape(request)).samples;

  // HEAD is served by the route's GET handler: the gate counts it as GET. Were the gate's mark
  // lost between the route handler and server.ts, the wrapper would count it again as HEAD.
  for (let i = 0; i < 3; i++) expect((await request.head("/api/health/live")).status()).toBe(200);
  expect((await request.get("/api/v1/no-such-endpoint")).status()).toBe(404);
  expect((await request.get("/sign-in")).status()).toBe(200);
  await request.get(`/invitations/${token}`);

  const { text, samples: after } = await scrape(request);
  const moved = (labels: Record<string, string>) => valueOf(after, COUNT, labels) - valueOf(before, COUNT, labels);
  expect(moved({ method: "GET", route: "/api/health/live", status: "200" })).toBeGreaterThanOrEqual(3);
  expect(moved({ method: "HEAD", route: "/api/health/live" })).toBe(0);
  expect(moved({ method: "GET", route: "/api/{path*}", status: "404" })).toBeGreaterThanOrEqual(1);
  expect(moved({ method: "GET", route: "/sign-in", status: "200" })).toBeGreaterThanOrEqual(1);
  expect(moved({ method: "GET", route: "/invitations/{token}" })).toBeGreaterThanOrEqual(1);
  expect(text).not.toContain(token);
  // The server's own gauges are there too: its pool, its sockets, its relay, its queues.
  for (const name of ["cairn_db_pool_in_use", "cairn_sockets_connected", "cairn_event_relay_connected", "cairn_job_queue_stats_up", "process_cpu_user_seconds_total"]) {
    expect(after.some((sample) => sample.name === name), name).toBe(true);
  }
  expect(valueOf(after, "cairn_event_relay_connected")).toBe(1);
});
