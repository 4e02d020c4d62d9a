/**
 * Half of a UTF-16 surrogate pair in a JSON string ("\ud800", which JSON may escape;
 * found by the OpenAPI fuzz, decision 0021). It is not Unicode text: a comment or an
 * organization name holding one failed in Prisma's query engine (500), and a progress
 * note, written by plain SQL, was stored with U+FFFD in its place. The gate now refuses
 * it in any string or key of the input, like a NUL (422 naming the field), before
 * anything is read or written; a whole pair (an emoji) is text and goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createCommentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { UNPAIRED_SURROGATE_MESSAGE } from "@/lib/http/storable-text";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { updateItem } from "../assignments/assignments-fixture";
import { assignedOrg, reviewEvidence, submitEvidence } from "../evidence/evidence-fixture";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { storedState } from "../support/stored-state";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const issuesOf = (json: Record<string, any> | undefined) => json?.error?.details?.issues;

describe("unpaired surrogates in JSON", () => {
  it("are refused with 422 naming the field, and nothing is stored", async () => {
    const org = await assignedOrg();
    const thread = { path: `/api/v1/o/${org.slug}/assignments/${org.assignmentId}/items/${org.key("Types")}/comments`, params: { orgSlug: org.slug, assignmentId: org.assignmentId, key: org.key("Types") } };
    const attempt = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "my loops" });
    expect(attempt.status).toBe(201);
    const before = await storedState();

    const comment = await callRoute(createCommentRoute, { ...thread, cookie: org.hire.cookie, body: { body: "a\ud800b" } });
    const note = await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Scope"), { note: "notes \udfff" });
    const organization = await callRoute(createOrgRoute, { cookie: org.owner.cookie, body: { name: "Acme \udc00\ud800" } });
    const review = await reviewEvidence(org.slug, org.mentor.cookie, attempt.json!.id as string, { decision: "REQUEST_CHANGES", comment: "\ud83d" });
    const key = await callRoute(createCommentRoute, { ...thread, cookie: org.hire.cookie, body: { body: "fine", ["x\ud800"]: 1 } });

    expect([comment, note, organization, review, key].map(({ status, json }) => ({ status, issues: issuesOf(json) }))).toEqual([
      { status: 422, issues: [{ path: "body.body", message: UNPAIRED_SURROGATE_MESSAGE }] },
      { status: 422, issues: [{ path: "body.note", message: UNPAIRED_SURROGATE_MESSAGE }] },
      { status: 422, issues: [{ path: "body.name", message: UNPAIRED_SURROGATE_MESSAGE }] },
      { status: 422, issues: [{ path: "body.comment", message: UNPAIRED_SURROGATE_MESSAGE }] },
      { status: 422, issues: [{ path: "body.x\\ud800", message: UNPAIRED_SURROGATE_MESSAGE }] },
    ]);
    expect(await storedState()).toEqual(before);
  });

  it("let whole surrogate pairs through: an emoji is text, stored as sent", async () => {
    const org = await assignedOrg();
    const thread = { path: `/api/v1/o/${org.slug}/assignments/${org.assignmentId}/items/${org.key("Types")}/comments`, params: { orgSlug: org.slug, assignmentId: org.assignmentId, key: org.key("Types") } };
    const comment = await callRoute(createCommentRoute, { ...thread, cookie: org.hire.cookie, body: { body: "Nice 😀 (\ud83d\ude00)" } });
    expect(comment.status).toBe(201);
    expect(comment.json!.body).toBe("Nice 😀 (😀)");
  });
});
