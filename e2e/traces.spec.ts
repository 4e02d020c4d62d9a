/**
 * Traces from the production build (decision 0023): a server started as `npm start`
 * starts it (server.ts, with OTEL_EXPORTER_OTLP_ENDPOINT set) exports, over OTLP
 * (http/json here, to a collector in this test), one trace for one progress write:
 * the HTTP server span; the route's span, named by its template; the gate's steps and the service
 * call with pg's spans of its statements, made from a route handler
 * that Next.js compiled into its own module graph; and the socket emit the event
 * relay makes after the commit. The error envelope names the trace.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";
import { secondServer } from "./support/second-server";
import { freePort } from "../tests/support/free-port";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
}
interface OtlpScopeSpans {
  scope: { name: string };
  spans: OtlpSpan[];
}

/** An OTLP/HTTP JSON receiver: every span posted to /v1/traces, with its instrumentation scope. */
async function collector() {
  const spans: Array<OtlpSpan & { scope: string }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: OtlpScopeSpans[] }> };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) for (const span of scope.spans) spans.push({ ...span, scope: scope.scope.name });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
const ITEM_ROUTE = "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}";

test("a progress write on the production server is one exported trace, from HTTP through SQL to the socket emit", async ({ factory, pageAs, baseURL }) => {
  test.setTimeout(90_000);
  const otlp = await collector();
  const traced = await secondServer({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_BSP_SCHEDULE_DELAY: "200" });
  try {
    const team = await factory.team("Traced Org");
    const hire = await factory.person(team, { name: "Ada Trace", role: "MEMBER" });
    const mentor = await factory.person(team, { name: "Bo Span", role: "MENTOR" });
    const owner = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
    const track = await owner.publishedTrack({ text: STARTER });
    const [assignmentId] = await owner.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id] });
    const key = await owner.keyOf(track.id, "Variables");

    const api = new OrgApi(await pageAs(hire, { baseURL: traced.baseUrl }), traced.baseUrl, team.slug);
    const written = await api.send("PUT", `/assignments/${assignmentId}/items/${key}`, { state: "DONE" });
    expect(written.status()).toBe(200);

    // Exported in batches (every 200 ms here): wait for the emit, the trace's last span.
    await expect.poll(() => otlp.spans.some((span) => span.name === "event.emit progress.updated"), { timeout: 30_000 }).toBe(true);
    const route = otlp.spans.find((span) => span.scope === "cairn" && span.name === `PUT ${ITEM_ROUTE}`);
    expect(route, otlp.spans.map((span) => span.name).join(", ")).toBeDefined();
    const trace = otlp.spans.filter((span) => span.traceId === route!.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: OtlpSpan) => {
      const names: string[] = [];
      for (let parent = byId.get(span.parentSpanId ?? ""); parent; parent = byId.get(parent.parentSpanId ?? "")) names.push(parent.name);
      return names;
    };
    const named = (name: string) => trace.find((span) => span.name === name);
    // The root: the HTTP instrumentation's server span, then Next.js's own spans, then the route's.
    const root = trace.find((span) => !span.parentSpanId)!;
    expect(root).toMatchObject({ scope: "@opentelemetry/instrumentation-http", kind: 2 });
    expect(root.attributes?.find((attribute) => attribute.key === "url.path")?.value).toEqual({ stringValue: `/api/v1/o/${team.slug}/assignments/${assignmentId}/items/${key}` });
    expect(ancestors(route!).at(-1)).toBe(root.name);

    for (const step of ["gate.session", "gate.body", "service updateAssignmentItem", "event.emit progress.updated"]) {
      expect(named(step), step).toBeDefined();
      expect(ancestors(named(step)!), step).toContain(`PUT ${ITEM_ROUTE}`);
      expect(ancestors(named(step)!).at(-1), step).toBe(root.name);
    }
    // pg's spans, from the route handler's statements: the session read under the gate, the read and the
    // one-statement write under the service (no transaction: decision 0036).
    const statements = trace.filter((span) => span.scope === "@opentelemetry/instrumentation-pg" && span.name.startsWith("pg.query"));
    expect(statements.some((span) => ancestors(span).includes("gate.session"))).toBe(true);
    expect(statements.filter((span) => ancestors(span)[0] === "service updateAssignmentItem").length).toBeGreaterThanOrEqual(2);
    expect(named("db.transaction")).toBeUndefined();
    expect(ancestors(named("event.emit progress.updated")!)).toContain("service updateAssignmentItem");

    // A refusal names its trace in the envelope, beside the request id.
    const refused = await api.send("PUT", `/assignments/${assignmentId}/items/${key}`, { state: "SUBMITTED" });
    expect(refused.status()).toBe(422);
    const envelope = (await refused.json()) as { error: { requestId: string; traceId?: string } };
    expect(envelope.error.traceId).toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => otlp.spans.some((span) => span.traceId === envelope.error.traceId && span.scope === "@opentelemetry/instrumentation-http"), { timeout: 30_000 }).toBe(true);
  } finally {
    await traced.stop();
    await otlp.close();
  }
});
