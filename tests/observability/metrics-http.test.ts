/**
 * Metrics after real requests through the real route handlers (the gate, handle()), read
 * by scraping a real metrics server: request durations by method, route template and
 * status; statement durations by operation name; the pool's gauges. Label values are
 * templates and names, never the raw path, the organization's slug or an id.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { GET as readAssignmentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/route";
import { GET as listAssignmentsRoute } from "@/app/api/v1/o/[orgSlug]/assignments/route";
import { getDb, getPool } from "@/lib/db/client";
import { queryRows, sql, withTransaction } from "@/lib/db/sql";
import { createServedRequestCounter } from "@/lib/observability/http-metrics";
import { buildRouteTemplateMatcher } from "@/lib/observability/route-templates";
import { callRoute } from "../support/call-route";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";
import { hasSample, parseMetrics, useMetricsServer, valueOf } from "../support/scrape-metrics";

const metrics = useMetricsServer();
const DURATION = "cairn_http_request_duration_seconds";
const ASSIGNMENT_ROUTE = "/api/v1/o/{orgSlug}/assignments/{assignmentId}";
const LIST_ROUTE = "/api/v1/o/{orgSlug}/assignments";

describe("HTTP request metrics", () => {
  it("count each API request under its method, route template and status, with its duration", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const missingId = `c${randomUUID().replace(/-/g, "")}`;
    const before = await metrics.samples();

    expect((await callRoute(listAssignmentsRoute, { cookie, params: { orgSlug: organization.slug } })).status).toBe(200);
    expect((await callRoute(listAssignmentsRoute, { cookie, params: { orgSlug: organization.slug } })).status).toBe(200);
    expect((await callRoute(readAssignmentRoute, { cookie, params: { orgSlug: organization.slug, assignmentId: missingId } })).status).toBe(404);
    expect((await callRoute(readAssignmentRoute, { params: { orgSlug: organization.slug, assignmentId: missingId } })).status).toBe(401);

    const text = await metrics.text();
    const after = parseMetrics(text);
    const moved = (route: string, status: string) =>
      valueOf(after, `${DURATION}_count`, { method: "GET", route, status }) - valueOf(before, `${DURATION}_count`, { method: "GET", route, status });
    expect(moved(LIST_ROUTE, "200")).toBe(2);
    expect(moved(ASSIGNMENT_ROUTE, "404")).toBe(1);
    expect(moved(ASSIGNMENT_ROUTE, "401")).toBe(1);
    // The histogram's buckets and sum moved with the count: +Inf holds every observation.
    expect(valueOf(after, `${DURATION}_bucket`, { route: LIST_ROUTE, status: "200", le: "+Inf" })).toBe(valueOf(after, `${DURATION}_count`, { route: LIST_ROUTE, status: "200" }));
    expect(valueOf(after, `${DURATION}_sum`, { route: LIST_ROUTE, status: "200" })).toBeGreaterThan(valueOf(before, `${DURATION}_sum`, { route: LIST_ROUTE, status: "200" }));

    // No label value carries the slug, the id, the user or the raw path.
    for (const secret of [organization.slug, organization.id, missingId, user.id, user.email, `/api/v1/o/${organization.slug}`]) expect(text).not.toContain(secret);
  });

  it("time the session check (named plain SQL) and Prisma's operations by name, and count failed statements", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const before = await metrics.samples();
    await callRoute(listAssignmentsRoute, { cookie, params: { orgSlug: organization.slug } });
    await getDb().user.count();
    await withTransaction((runner) => runner.rows(sql`SELECT 1`, "test.select-one"));
    await expect(queryRows(sql`SELECT 1/0`, "test.divide-by-zero")).rejects.toThrow();
    const after = await metrics.samples();

    const moved = (name: string, operation: string) => valueOf(after, name, { operation }) - valueOf(before, name, { operation });
    const count = "cairn_db_statement_duration_seconds_count";
    expect(moved(count, "session.authenticate")).toBe(1);
    expect(moved(count, "User.count")).toBe(1);
    expect(moved(count, "test.select-one")).toBe(1);
    expect(moved(count, "sql.begin")).toBeGreaterThanOrEqual(1);
    expect(moved(count, "sql.commit")).toBeGreaterThanOrEqual(1);
    expect(moved(count, "test.divide-by-zero")).toBe(1);
    expect(moved("cairn_db_statement_errors_total", "test.divide-by-zero")).toBe(1);
    expect(moved("cairn_db_statement_errors_total", "User.count")).toBe(0);
    // Every operation label is a name: a model.operation, a $raw operation, or a dotted word.
    for (const sample of after.filter((s) => s.name === count)) expect(sample.labels.operation).toMatch(/^(\$?[A-Za-z]+(\.[A-Za-z$-]+)*|sql)$/);
  });

  it("report the pool's connections in use, idle and waiting, read when scraped", async () => {
    const pool = getPool();
    await queryRows(sql`SELECT 1`);
    const max = pool.options.max!;
    const held = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    // One more than the pool holds: it waits.
    const waiting = pool.connect();
    try {
      const samples = await metrics.samples();
      expect(valueOf(samples, "cairn_db_pool_in_use")).toBe(max);
      expect(valueOf(samples, "cairn_db_pool_idle")).toBe(0);
      expect(valueOf(samples, "cairn_db_pool_waiting")).toBe(1);
      expect(valueOf(samples, "cairn_db_pool_max")).toBe(max);
    } finally {
      for (const client of held) client.release();
      (await waiting).release();
    }
    const samples = await metrics.samples();
    expect(valueOf(samples, "cairn_db_pool_in_use")).toBe(0);
    expect(valueOf(samples, "cairn_db_pool_waiting")).toBe(0);
    expect(valueOf(samples, "cairn_db_pool_idle")).toBe(pool.totalCount);
  });

  it("include Node's process metrics", async () => {
    const samples = await metrics.samples();
    expect(hasSample(samples, "process_cpu_user_seconds_total")).toBe(true);
    expect(hasSample(samples, "nodejs_eventloop_lag_seconds")).toBe(true);
  });
});

describe("requests server.ts hands to Next.js", () => {
  /** server.ts's wrapper on a real HTTP server; `serve` answers as Next.js would have. */
  async function servedBy(serve: (url: string, res: ServerResponse) => Promise<void>) {
    const countRequest = createServedRequestCounter(buildRouteTemplateMatcher([["o", "[orgSlug]", "tracks", "[trackId]"], ["api", "[...path]"]]));
    const server = createServer((req, res) => countRequest(req, res, () => void serve(req.url ?? "/", res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("count a page under its template, an unknown path as other, and an API request once (the gate's count)", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const server = await servedBy(async (url, res) => {
      if (url.startsWith("/api/")) {
        // The gate runs inside the request's scope, as a route handler does behind Next.js.
        const answer = await callRoute(listAssignmentsRoute, { cookie, params: { orgSlug: organization.slug } });
        res.writeHead(answer.status).end(answer.text);
      } else {
        res.writeHead(url.startsWith("/o/") ? 200 : 404).end("page");
      }
    });
    try {
      const before = await metrics.samples();
      const trackId = `c${randomUUID().replace(/-/g, "")}`;
      expect((await fetch(`${server.url}/o/${organization.slug}/tracks/${trackId}?tab=items`)).status).toBe(200);
      expect((await fetch(`${server.url}/wp-login.php/${trackId}`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/v1/o/${organization.slug}/assignments`)).status).toBe(200);
      const text = await metrics.text();
      const after = parseMetrics(text);
      const moved = (labels: Record<string, string>) => valueOf(after, `${DURATION}_count`, labels) - valueOf(before, `${DURATION}_count`, labels);
      expect(moved({ method: "GET", route: "/o/{orgSlug}/tracks/{trackId}", status: "200" })).toBe(1);
      expect(moved({ method: "GET", route: "other", status: "404" })).toBe(1);
      expect(moved({ route: LIST_ROUTE, status: "200" })).toBe(1);
      expect(moved({ route: "/api/{path*}" })).toBe(0);
      for (const secret of [organization.slug, trackId, "wp-login"]) expect(text).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
