/**
 * One progress write is one trace (decision 0023): the route's span, the gate's steps,
 * the service call and its SQL statements (pg's instrumentation; the write is one statement),
 * and the socket emit that the event relay makes after the commit, on its own
 * connection, joined to the trace through the event row's stored traceparent. The
 * error envelope and the log lines name the same trace.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { updateItem } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { captureLogs } from "../support/capture-logs";
import { until, useLiveInstances } from "../support/live-instances";
import { ancestry, recordedSpans, spanIdOf, spansNamed, traceIdOf } from "../support/recorded-spans";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

const live = useLiveInstances(1);
const logs = captureLogs();
const ROUTE = "PUT /api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}";

describe("a traced progress write", () => {
  it("is one trace from the route through the gate, the service and its SQL to the socket emit", async () => {
    const org = await assignedOrg();
    const hire = await live.follow(org.hire.cookie, live.instances[0]!, org.slug);
    recordedSpans.reset();

    const written = await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    expect(written.status).toBe(200);
    await until(() => hire.heard.some((event: WireEvent) => event.type === "progress.updated"), "the event on the hire's socket");
    await until(() => spansNamed("event.emit progress.updated").length > 0, "the emit span");

    const [route] = spansNamed(ROUTE);
    expect(route).toBeDefined();
    const trace = recordedSpans.getFinishedSpans().filter((span) => traceIdOf(span) === traceIdOf(route!));
    // The route's span is the trace's root here (a test calls the handler; in the server it is the HTTP span's child).
    expect(route!.parentSpanContext).toBeUndefined();
    expect(route!.attributes).toMatchObject({ "http.route": "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}", "http.response.status_code": 200 });

    for (const step of ["gate.session", "gate.body", "service updateAssignmentItem"]) {
      expect(ancestry(spansNamed(step, trace)[0]!, trace), step).toEqual([ROUTE]);
    }
    // pg's own spans, under the service (the write is one statement, no transaction: decision 0036): the read, the write.
    const [service] = spansNamed("service updateAssignmentItem", trace);
    expect(spansNamed("db.transaction", trace)).toEqual([]);
    const statements = trace.filter((span) => span.instrumentationScope.name === "@opentelemetry/instrumentation-pg" && span.parentSpanContext?.spanId === spanIdOf(service!));
    const texts = statements.map((span) => String(span.attributes["db.query.text"] ?? span.attributes["db.statement"] ?? ""));
    expect(texts.some((text) => text.includes('INSERT INTO "ItemProgress"') && text.includes('INSERT INTO "Event"'))).toBe(true);
    expect(texts.some((text) => text.includes("a.xmin::text AS revision"))).toBe(true);
    // The session and membership read, under the gate's step (the plain-SQL statement on the pool).
    expect(trace.some((span) => span.instrumentationScope.name === "@opentelemetry/instrumentation-pg" && ancestry(span, trace)[0] === "gate.session")).toBe(true);

    // The emit: another async context (the relay's NOTIFY), the same trace, a child of the service that wrote the event.
    const [emit] = spansNamed("event.emit progress.updated");
    expect(traceIdOf(emit!)).toBe(traceIdOf(route!));
    expect(ancestry(emit!, trace)).toEqual(["service updateAssignmentItem", ROUTE]);
    expect(emit!.attributes).toMatchObject({ "cairn.event.type": "progress.updated", "cairn.organization.id": org.organization.id });

    // The stored context is the span that wrote the event; clients never see it.
    const event = await getDb().event.findFirstOrThrow({ where: { organizationId: org.organization.id, type: "progress.updated" }, orderBy: { sequence: "desc" } });
    expect(event.traceParent).toBe(`00-${traceIdOf(route!)}-${spanIdOf(service!)}-01`);
    expect(JSON.stringify(hire.heard)).not.toContain(traceIdOf(route!));

    // The request's log line carries the trace's ids.
    const line = logs.lines().find((each) => each.msg === "request" && each.route === "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}");
    expect(line).toMatchObject({ trace_id: traceIdOf(route!), span_id: spanIdOf(route!) });
  });

  it("names the trace in the error envelope and the log line of a refused write, next to the request id", async () => {
    const org = await assignedOrg();
    recordedSpans.reset();
    // An evidence-required item cannot be marked done by hand: 422, rolled back.
    const refused = await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { state: "DONE" });
    expect(refused.status).toBe(422);
    const [route] = spansNamed(ROUTE);
    expect(refused.json).toMatchObject({ error: { code: "VALIDATION_FAILED", requestId: expect.any(String), traceId: traceIdOf(route!) } });
    const line = logs.lines().find((each) => each.msg === "request" && each.route === "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}");
    expect(line).toMatchObject({ status: 422, trace_id: traceIdOf(route!) });
    // A refusal is the caller's mistake: recorded by its code, not as a server error.
    const [service] = spansNamed("service updateAssignmentItem");
    expect(service!.attributes["cairn.error.code"]).toBe("VALIDATION_FAILED");
    // Nothing committed, so nothing emitted in this write's trace (the fixture's own events,
    // assignment.created among them, may still be relayed now: they belong to other traces).
    expect(spansNamed(/^event\.emit/).filter((span) => traceIdOf(span) === traceIdOf(route!))).toEqual([]);
  });
});
