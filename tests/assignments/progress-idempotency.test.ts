/**
 * Idempotency-Key on the progress writes (decision 0025): a retry whose first
 * answer was lost gets that answer again and writes nothing, so the log holds one
 * progress.updated per change. Performed through the route handlers, counting
 * Event rows.
 */
import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/bulk/route";
import { PUT as itemRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route";
import { POST as upgradeRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/upgrade/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { countQueries } from "../support/count-queries";
import { createDraft, publishVersion } from "../tracks/tracks-fixture";
import { createAssignments, orgWithPublishedTrack } from "./assignments-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

type Org = Awaited<ReturnType<typeof orgWithPublishedTrack>>;

async function assigned(org: Org, hire: Org["hire"] = org.hire) {
  const { status, json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [hire.userId], mentorIds: [org.mentor.userId] });
  expect(status).toBe(201);
  return json!.items[0].id as string;
}

function putItem(org: Org, cookie: string, assignmentId: string, key: string, body: unknown, idempotencyKey?: string) {
  const headers = idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined;
  return callRoute(itemRoute, { path: `/api/v1/o/${org.slug}/assignments/${assignmentId}/items/${key}`, params: { orgSlug: org.slug, assignmentId, key }, cookie, body, headers });
}

function postBulk(org: Org, cookie: string, assignmentId: string, body: unknown, idempotencyKey?: string) {
  const headers = idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined;
  return callRoute(bulkRoute, { path: `/api/v1/o/${org.slug}/assignments/${assignmentId}/items/bulk`, params: { orgSlug: org.slug, assignmentId }, cookie, body, headers });
}

const progressEvents = (assignmentId: string) => getDb().event.count({ where: { subjectType: "assignment", subjectId: assignmentId, type: "progress.updated" } });
const eventsOf = (assignmentId: string) => getDb().event.count({ where: { subjectType: "assignment", subjectId: assignmentId } });
const issuePaths = (answer: { json?: Record<string, any> }) => (answer.json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path);

describe("PUT /assignments/{id}/items/{key} with an Idempotency-Key", () => {
  it("answers a retry with the first answer, writing and recording nothing again; another body with the key is 422", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const key = org.key("Types");
    const body = { state: "IN_PROGRESS", note: "reading the chapter" };

    const first = await putItem(org, org.hire.cookie, assignmentId, key, body, "retry-key-0001");
    expect(first.status).toBe(200);
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await progressEvents(assignmentId)).toBe(1);
    const stored = await getDb().itemProgress.findUniqueOrThrow({ where: { assignmentId_stableKey: { assignmentId, stableKey: key } } });

    // The answer was lost; the client sends the same request again, twice.
    for (let retry = 0; retry < 2; retry += 1) {
      const again = await putItem(org, org.hire.cookie, assignmentId, key, body, "retry-key-0001");
      expect(again.status).toBe(200);
      expect(again.response.headers.get("idempotent-replayed")).toBe("true");
      expect(again.json).toEqual(first.json);
    }
    expect(await progressEvents(assignmentId)).toBe(1);
    const after = await getDb().itemProgress.findUniqueOrThrow({ where: { assignmentId_stableKey: { assignmentId, stableKey: key } } });
    expect(after.updatedAt).toEqual(stored.updatedAt);

    // The same key with another body, or for another item: a client bug, refused and not written.
    const otherBody = await putItem(org, org.hire.cookie, assignmentId, key, { state: "DONE" }, "retry-key-0001");
    expect(otherBody.status).toBe(422);
    expect(issuePaths(otherBody)).toEqual(["header.Idempotency-Key"]);
    const otherItem = await putItem(org, org.hire.cookie, assignmentId, org.key("Scope"), body, "retry-key-0001");
    expect(otherItem.status).toBe(422);
    expect(await progressEvents(assignmentId)).toBe(1);

    // A new action, a new key: written and recorded.
    const next = await putItem(org, org.hire.cookie, assignmentId, key, { state: "DONE" }, "retry-key-0002");
    expect(next.status).toBe(200);
    expect(next.json!.item.state).toBe("DONE");
    expect(await progressEvents(assignmentId)).toBe(2);
  });

  it("without the header writes each request, as before (the retry hazard the key removes)", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await putItem(org, org.hire.cookie, assignmentId, org.key("Types"), { state: "IN_PROGRESS" })).status).toBe(200);
    expect(await progressEvents(assignmentId)).toBe(2);
  });

  it("records once when the first request and its retry arrive together", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const body = { state: "IN_PROGRESS" };
    const answers = await Promise.all([0, 1, 2].map(() => putItem(org, org.hire.cookie, assignmentId, org.key("Scope"), body, "concurrent-key-1")));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.response.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    // One answer, three times (a stored answer comes back as jsonb keeps it: the same values, keys in another order).
    for (const answer of answers) expect(answer.json).toEqual(answers[0]!.json);
    expect(await progressEvents(assignmentId)).toBe(1);
  });

  it("keeps keys per caller and per operation, and refuses a malformed key (422)", async () => {
    const org = await orgWithPublishedTrack();
    const mine = await assigned(org);
    const theirs = await assigned(org, org.otherHire);
    // Another hire using the same key value writes their own change: keys do not collide across callers.
    expect((await putItem(org, org.hire.cookie, mine, org.key("Types"), { state: "IN_PROGRESS" }, "shared-key-0001")).status).toBe(200);
    const other = await putItem(org, org.otherHire.cookie, theirs, org.key("Types"), { state: "IN_PROGRESS" }, "shared-key-0001");
    expect(other.status).toBe(200);
    expect(other.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await progressEvents(theirs)).toBe(1);
    // The same value on the bulk write is that operation's own key.
    const bulk = await postBulk(org, org.hire.cookie, mine, { keys: [org.key("Scope")], state: "IN_PROGRESS" }, "shared-key-0001");
    expect(bulk.status).toBe(200);
    expect(bulk.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await progressEvents(mine)).toBe(2);

    const malformed = await putItem(org, org.hire.cookie, mine, org.key("Types"), { state: "DONE" }, "short");
    expect(malformed.status).toBe(422);
    expect(issuePaths(malformed)).toEqual(["header.Idempotency-Key"]);
    expect(await progressEvents(mine)).toBe(2);
  });

  it("stores nothing for a refused write: the corrected retry with the key is written", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    // Loops needs evidence: DONE is refused.
    const refused = await putItem(org, org.hire.cookie, assignmentId, org.key("Loops"), { state: "DONE" }, "refused-key-01");
    expect(refused.status).toBe(422);
    const retried = await putItem(org, org.hire.cookie, assignmentId, org.key("Loops"), { state: "DONE" }, "refused-key-01");
    expect(retried.status).toBe(422);
    expect(retried.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await eventsOf(assignmentId)).toBe(1); // assignment.created only
  });
});

describe("PUT /assignments/{id}/items/{key}: the cost of a key", () => {
  it("adds a look-up before the transaction and one statement before COMMIT; a replay is the look-up alone", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    // Warm the version-tree cache, as any running server has.
    await putItem(org, org.hire.cookie, assignmentId, org.key("Types"), { state: "IN_PROGRESS" });
    const body = { state: "DONE" };
    const keyed = await countQueries(() => putItem(org, org.hire.cookie, assignmentId, org.key("Types"), body, "counted-key-01"));
    expect(keyed.result.status).toBe(200);
    expect(keyed.statements.map((text) => text.trim().split(/\s+/)[0])).toEqual(["SELECT", "SELECT", "BEGIN", "SELECT", "WITH", "INSERT", "COMMIT"]);
    expect(keyed.statements[1]).toContain('"IdempotencyKey"');
    expect(keyed.statements[5]).toContain('INSERT INTO "IdempotencyKey"');

    const replayed = await countQueries(() => putItem(org, org.hire.cookie, assignmentId, org.key("Types"), body, "counted-key-01"));
    expect(replayed.result.response.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.statements.map((text) => text.trim().split(/\s+/)[0])).toEqual(["SELECT", "SELECT"]);
  });

  it("lets a key be used again once its answer is older than the window", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    expect((await putItem(org, org.hire.cookie, assignmentId, org.key("Types"), { state: "IN_PROGRESS" }, "old-key-00001")).status).toBe(200);
    await getDb().idempotencyKey.updateMany({ where: { userId: org.hire.userId, key: "old-key-00001" }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    // Another body under the old key: a new request now, written, and the key's row now holds its answer.
    const reused = await putItem(org, org.hire.cookie, assignmentId, org.key("Types"), { state: "DONE" }, "old-key-00001");
    expect(reused.status).toBe(200);
    expect(reused.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await progressEvents(assignmentId)).toBe(2);
    const again = await putItem(org, org.hire.cookie, assignmentId, org.key("Types"), { state: "DONE" }, "old-key-00001");
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(reused.json);
    expect(await progressEvents(assignmentId)).toBe(2);
  });
});

describe("POST /assignments/{id}/items/bulk with an Idempotency-Key", () => {
  it("answers a retry with the first answer and records the changes once; another body with the key is 422", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    const body = { keys: [org.key("Types"), org.key("Scope")], state: "DONE" };

    const first = await postBulk(org, org.hire.cookie, assignmentId, body, "bulk-retry-0001");
    expect(first.status).toBe(200);
    expect(await progressEvents(assignmentId)).toBe(2);

    const again = await postBulk(org, org.hire.cookie, assignmentId, body, "bulk-retry-0001");
    expect(again.status).toBe(200);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await progressEvents(assignmentId)).toBe(2);

    const otherBody = await postBulk(org, org.hire.cookie, assignmentId, { ...body, state: "IN_PROGRESS" }, "bulk-retry-0001");
    expect(otherBody.status).toBe(422);
    expect(issuePaths(otherBody)).toEqual(["header.Idempotency-Key"]);
    expect(await progressEvents(assignmentId)).toBe(2);

    // Without a key the bulk write still works as before.
    const plain = await postBulk(org, org.hire.cookie, assignmentId, { keys: [org.key("HTTP")], state: "IN_PROGRESS" });
    expect(plain.status).toBe(200);
    expect(await progressEvents(assignmentId)).toBe(3);
  });

  it("is 404 for another organization's assignment, key or not, and stores no answer for it", async () => {
    const org = await orgWithPublishedTrack();
    const other = await orgWithPublishedTrack();
    const theirs = await assigned(other);
    const body = { keys: [other.key("Types")], state: "DONE" };
    // org's hire calls other's assignment under org's slug: it does not exist there.
    const answer = await postBulk(org, org.hire.cookie, theirs, body, "cross-org-key-1");
    expect(answer.status).toBe(404);
    const item = await putItem(org, org.hire.cookie, theirs, other.key("Types"), { state: "DONE" }, "cross-org-key-2");
    expect(item.status).toBe(404);
    expect(await progressEvents(theirs)).toBe(0);
    expect(await getDb().idempotencyKey.count({ where: { userId: org.hire.userId } })).toBe(0);
  });
});

describe("POST /assignments/{id}/upgrade with an Idempotency-Key", () => {
  it("answers a retry with the first answer (not the 409 of upgrading twice) and records one assignment.upgraded", async () => {
    const org = await orgWithPublishedTrack();
    const assignmentId = await assigned(org);
    expect((await createDraft(org.slug, org.owner.cookie, org.trackId)).status).toBe(201);
    expect((await publishVersion(org.slug, org.owner.cookie, org.trackId, 2)).status).toBe(200);
    const upgrade = (body: unknown, idempotencyKey?: string) =>
      callRoute(upgradeRoute, {
        path: `/api/v1/o/${org.slug}/assignments/${assignmentId}/upgrade`,
        params: { orgSlug: org.slug, assignmentId },
        cookie: org.hire.cookie,
        body,
        headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
      });
    const upgraded = () => getDb().event.count({ where: { subjectId: assignmentId, type: "assignment.upgraded" } });

    const first = await upgrade({ toVersionNumber: 2 }, "upgrade-key-001");
    expect(first.status).toBe(200);
    const again = await upgrade({ toVersionNumber: 2 }, "upgrade-key-001");
    expect(again.status).toBe(200);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await upgraded()).toBe(1);
    // Without the key, the repeat is refused as before; another body with the key is 422.
    expect((await upgrade({ toVersionNumber: 2 })).status).toBe(409);
    const otherBody = await upgrade({ toVersionNumber: 1 }, "upgrade-key-001");
    expect(otherBody.status).toBe(422);
    expect(issuePaths(otherBody)).toEqual(["header.Idempotency-Key"]);
    expect(await upgraded()).toBe(1);
  });
});
