import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { verifyCredentials } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute } from "../support/call-route";
import { createUser, sessionCookieFor } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

const uniqueEmail = () => `hire-${Math.random().toString(36).slice(2, 10)}@example.test`;
const validInput = () => ({ name: "Priya Natarajan", email: uniqueEmail(), password: "lantern orchard gravel 42", organizationName: "Lantern Labs" });

// Sign-up enqueues the verification email in its transaction: the queue must exist (no workers needed).
let queue: JobQueue;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

describe("POST /api/v1/accounts (sign-up)", () => {
  it("creates the user, their organization and an owner membership, with events", async () => {
    const input = validInput();
    const { status, json } = await callRoute(signUpRoute, { body: { ...input, email: `  ${input.email.toUpperCase()} ` } });
    expect(status).toBe(201);
    expect(json!.user).toMatchObject({ email: input.email, name: "Priya Natarajan" });
    expect(json!.organization.slug).toMatch(/^lantern-labs(-\d+)?$/);

    const user = await getDb().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const membership = await getDb().membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ organizationId: json!.organization.id, role: "OWNER", status: "ACTIVE" });
    const events = await getDb().event.findMany({ where: { organizationId: json!.organization.id }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => [event.sequence, event.type])).toEqual([
      [1n, "organization.created"],
      [2n, "member.joined"],
    ]);
    expect(JSON.stringify(json)).not.toContain("argon2");
  });

  it("signs in with the new password and refuses a wrong one", async () => {
    const input = validInput();
    await callRoute(signUpRoute, { body: input });
    expect(await verifyCredentials(input.email, input.password)).toMatchObject({ email: input.email, sessionVersion: 0 });
    expect(await verifyCredentials(input.email, "lantern orchard gravel 43")).toBeNull();
    expect(await verifyCredentials(uniqueEmail(), input.password)).toBeNull();
  });

  it("answers 409 for an email that already has an account and writes nothing", async () => {
    const existing = await createUser();
    const before = await getDb().organization.count();
    const { status, json } = await callRoute(signUpRoute, { body: { ...validInput(), email: existing.email } });
    expect(status).toBe(409);
    expect(json!.error.code).toBe("CONFLICT");
    expect(await getDb().organization.count()).toBe(before);
  });

  it("explains each bad field (422) and writes nothing", async () => {
    const email = "not-an-email";
    const { status, json } = await callRoute(signUpRoute, { body: { name: "", email, password: "password123", organizationName: "A", plan: "pro" } });
    expect(status).toBe(422);
    const issues = json!.error.details.issues as Array<{ path: string; message: string }>;
    expect(issues.map((issue) => issue.path).sort()).toEqual(["body.email", "body.name", "body.organizationName", "body.password", "body.plan"]);
    const weak = await callRoute(signUpRoute, { body: { ...validInput(), password: "password2026" } });
    expect(weak.status).toBe(422);
    expect(weak.json!.error.details.issues).toEqual([{ path: "body.password", message: expect.stringMatching(/common/) }]);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });

  it("refuses wrong types and oversized bodies", async () => {
    expect((await callRoute(signUpRoute, { body: { ...validInput(), name: 42 } })).status).toBe(422);
    expect((await callRoute(signUpRoute, { body: { ...validInput(), name: "x".repeat(9000) } })).status).toBe(413);
  });
});

describe("POST /api/v1/orgs", () => {
  it("creates an organization owned by the caller, with a free slug", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const name = `Night Shift ${Math.random().toString(36).slice(2, 6)}`;
    const first = await callRoute(createOrgRoute, { cookie, body: { name } });
    const second = await callRoute(createOrgRoute, { cookie, body: { name } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name, role: "OWNER" });
    expect(second.json!.slug).toBe(`${first.json!.slug}-2`);
    expect(await getDb().membership.count({ where: { userId: user.id, role: "OWNER" } })).toBe(2);
  });

  it("answers 401 without a session", async () => {
    expect((await callRoute(createOrgRoute, { body: { name: "Nobody's Org" } })).status).toBe(401);
  });
});
