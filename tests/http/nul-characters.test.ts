/**
 * A NUL character anywhere in the input (issue 13): PostgreSQL cannot store U+0000, so
 * each of these reached the database and answered 500. The gate now refuses it before
 * anything is read, with the 422 envelope naming the field, and logs the request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as orgRoute, PATCH as renameOrgRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { GET as membersRoute } from "@/app/api/v1/o/[orgSlug]/members/route";
import { POST as commentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { GET as listAssignmentsRoute } from "@/app/api/v1/o/[orgSlug]/assignments/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { NUL_MESSAGE } from "@/lib/http/storable-text";
import { resolveOrgScope } from "@/lib/orgs/membership";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { authOptions } from "@/lib/auth/options";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { callRoute, randomClientIp } from "../support/call-route";
import { captureLogs } from "../support/capture-logs";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, submitEvidence } from "../evidence/evidence-fixture";

const logs = captureLogs();
let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

/** The 422 naming exactly `paths`, and its one request line in the log with the same request id. */
function expectRefused(result: { status: number; json?: Record<string, any> }, paths: string[]) {
  expect(result.status, JSON.stringify(result.json)).toBe(422);
  expect(result.json!.error.code).toBe("VALIDATION_FAILED");
  expect(result.json!.error.details.issues).toEqual(paths.map((path) => ({ path, message: NUL_MESSAGE })));
  const line = logs.lines().find((candidate) => candidate.msg === "request" && candidate.requestId === result.json!.error.requestId);
  expect(line).toMatchObject({ status: 422 });
}

describe("NUL characters in the input", () => {
  it("in the organization's slug, before it reaches the session query", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const slug = `${organization.slug}\u0000`;
    expectRefused(await callRoute(orgRoute, { path: `/api/v1/o/${encodeURIComponent(slug)}`, params: { orgSlug: slug }, cookie: await sessionCookieFor(user) }), ["params.orgSlug"]);
    // A list endpoint too: the slug is checked before the session, so every endpoint is covered.
    expectRefused(await callRoute(listAssignmentsRoute, { path: `/api/v1/o/x/assignments`, params: { orgSlug: slug }, cookie: await sessionCookieFor(user) }), ["params.orgSlug"]);
  });

  it("in the slug a page or a socket names: no such organization (pages and sockets resolve it without the gate)", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    await expect(resolveOrgScope(user.id, `${organization.slug}\u0000`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sessionUser = { id: user.id, email: user.email, name: user.name, emailVerified: false };
    expect(await roomsForUser(sessionUser as Parameters<typeof roomsForUser>[0], `${organization.slug}\u0000`)).toBeNull();
    expect(await roomsForUser(sessionUser as Parameters<typeof roomsForUser>[0], organization.slug)).not.toBeNull();
  });

  it("in the email of a password sign-in (next-auth, outside the gate): refused like a wrong password", async () => {
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> } };
    await expect(provider.options.authorize({ email: "ann\u0000@example.test", password: "whatever it is 123" }, { headers: { [CLIENT_IP_HEADER]: randomClientIp() } })).resolves.toBeNull();
  });

  it("in query values", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const params = { orgSlug: organization.slug };
    const cookie = await sessionCookieFor(user);
    expectRefused(await callRoute(membersRoute, { path: `/api/v1/o/${organization.slug}/members?q=ann%00`, params, cookie }), ["query.q"]);
    expectRefused(await callRoute(membersRoute, { path: `/api/v1/o/${organization.slug}/members?q=a&q=%00`, params, cookie }), ["query.q.1"]);
  });

  it("in organization names, created or renamed, and nothing is written", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const before = await getDb().organization.count();
    expectRefused(await callRoute(createOrgRoute, { body: { name: "Null\u0000 Corp" }, cookie }), ["body.name"]);
    expectRefused(await callRoute(renameOrgRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, body: { name: "Renamed\u0000" }, cookie }), ["body.name"]);
    expect(await getDb().organization.count()).toBe(before);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
  });

  it("in a JSON key", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    expectRefused(await callRoute(renameOrgRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, body: { "name\u0000": "x" }, cookie: await sessionCookieFor(user) }), ["body.name\\u0000"]);
  });

  it("in comments and in evidence notes, JSON or multipart", async () => {
    const org = await assignedOrg();
    const key = org.key("Loops");
    const itemPath = { path: `/api/v1/o/${org.slug}/assignments/${org.assignmentId}/items/${key}/comments`, params: { orgSlug: org.slug, assignmentId: org.assignmentId, key } };
    expectRefused(await callRoute(commentRoute, { ...itemPath, cookie: org.mentor.cookie, body: { body: "Looks good\u0000" } }), ["body.body"]);
    expectRefused(await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, key, { note: "Done\u0000", link: "https://example.com/\u0000" }), ["body.link", "body.note"]);
    const form = new FormData();
    form.set("note", "Done\u0000");
    expectRefused(await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, key, form), ["body.note"]);
    expect(await getDb().evidenceAttempt.count({ where: { assignmentId: org.assignmentId } })).toBe(0);
    expect(await getDb().itemComment.count({ where: { assignmentId: org.assignmentId } })).toBe(0);
  });
});
