/**
 * Cross-site request forgery: state-changing API requests from a foreign Origin are
 * refused (403) before anything is written, a cookie-authenticated one must carry an
 * allowed Origin, and reads are unaffected.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as revokeSessionsRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { GET as getOrgRoute, PATCH as renameOrgRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute, TEST_ORIGIN } from "../support/call-route";
import { createOrgWithMember, createUser, sessionCookieFor } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

const unique = () => randomUUID().slice(0, 8);

function expectCrossSiteRefusal(result: { status: number; json?: Record<string, any> }) {
  expect(result.status).toBe(403);
  expect(result.json!.error).toMatchObject({ code: "FORBIDDEN", message: "Cross-site request refused." });
}

// Sign-up enqueues the verification email in its transaction: the queue must exist (no workers needed).
let queue: JobQueue;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

describe("cookie-authenticated writes", () => {
  it("refuses a foreign Origin with 403 and writes nothing", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const name = `Evil Corp ${unique()}`;
    expectCrossSiteRefusal(await callRoute(createOrgRoute, { cookie, origin: "https://evil.example", body: { name } }));
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
  });

  it("refuses a request without an Origin, and the opaque Origin 'null'", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const params = { orgSlug: organization.slug };
    expectCrossSiteRefusal(await callRoute(renameOrgRoute, { cookie, params, origin: null, body: { name: "Renamed By Forgery" } }));
    expectCrossSiteRefusal(await callRoute(renameOrgRoute, { cookie, params, origin: "null", body: { name: "Renamed By Forgery" } }));
    // A sibling subdomain is same-site (SameSite cookies would go along) but not same-origin.
    expectCrossSiteRefusal(await callRoute(renameOrgRoute, { cookie, params, origin: "http://evil.localhost:3000", body: { name: "Renamed By Forgery" } }));
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
  });

  it("refuses a body-less write too (sign out everywhere), leaving the session valid", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    expectCrossSiteRefusal(await callRoute(revokeSessionsRoute, { cookie, origin: "https://evil.example" }));
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
    expect((await callRoute(meRoute, { cookie })).status).toBe(200);
  });

  it("accepts Cairn's own Origin", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const { status } = await callRoute(createOrgRoute, { cookie, origin: TEST_ORIGIN, body: { name: `Own Origin ${unique()}` } });
    expect(status).toBe(201);
  });

  it("still answers 401, not 403, to a write with no session at all", async () => {
    const { status, json } = await callRoute(createOrgRoute, { origin: null, body: { name: "Anonymous" } });
    expect(status).toBe(401);
    expect(json!.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("reads", () => {
  it("are not affected by a foreign or missing Origin", async () => {
    const { organization, user } = await createOrgWithMember("MEMBER");
    const cookie = await sessionCookieFor(user);
    const foreign = { origin: "https://evil.example" };
    // callRoute adds Origin only to writes; send it explicitly as a cross-site fetch would.
    expect((await callRoute(meRoute, { cookie, headers: foreign })).status).toBe(200);
    expect((await callRoute(getOrgRoute, { cookie, params: { orgSlug: organization.slug }, headers: foreign })).status).toBe(200);
    expect((await callRoute(meRoute, { cookie })).status).toBe(200);
  });
});

describe("public writes (sign-up)", () => {
  const input = () => ({ email: `csrf-${unique()}@example.test` });

  it("refuses a foreign Origin and issues no sign-up link", async () => {
    const body = input();
    expectCrossSiteRefusal(await callRoute(signUpRoute, { origin: "https://evil.example", body }));
    expect(await getDb().verificationToken.count({ where: { identifier: `sign-up:${body.email}` } })).toBe(0);
  });

  it("accepts Cairn's own Origin, and no Origin (a script or CLI, which carries no cookie to abuse)", async () => {
    expect((await callRoute(signUpRoute, { origin: TEST_ORIGIN, body: input() })).status).toBe(202);
    expect((await callRoute(signUpRoute, { origin: null, body: input() })).status).toBe(202);
  });
});

describe("ALLOWED_ORIGINS", () => {
  afterEach(() => {
    delete process.env.ALLOWED_ORIGINS;
    resetConfig();
  });

  it("adds origins whose writes are accepted", async () => {
    process.env.ALLOWED_ORIGINS = "https://cairn.example.com";
    resetConfig();
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    expect((await callRoute(createOrgRoute, { cookie, origin: "https://cairn.example.com", body: { name: `Listed ${unique()}` } })).status).toBe(201);
    expectCrossSiteRefusal(await callRoute(createOrgRoute, { cookie, origin: "https://other.example.com", body: { name: `Unlisted ${unique()}` } }));
  });
});
