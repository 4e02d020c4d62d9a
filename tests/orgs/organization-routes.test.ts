import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/v1/o/[orgSlug]/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { addMember, createOrgWithMember, createUser, sessionCookieFor } from "../support/factories";

describe("GET /api/v1/o/{orgSlug}", () => {
  it("returns the organization and the caller's role", async () => {
    const { organization, user } = await createOrgWithMember("MENTOR");
    const { status, json } = await callRoute(GET, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, cookie: await sessionCookieFor(user) });
    expect(status).toBe(200);
    expect(json).toEqual({ id: organization.id, slug: organization.slug, name: organization.name, role: "MENTOR", stuckAfterDays: 7, reviewTargetDays: 2, dueSoonDays: 3, createdAt: organization.createdAt.toISOString() });
  });

  it("answers 404, not 403, for another organization's slug", async () => {
    const mine = await createOrgWithMember("OWNER");
    const theirs = await createOrgWithMember("OWNER");
    const { status, json } = await callRoute(GET, { params: { orgSlug: theirs.organization.slug }, cookie: await sessionCookieFor(mine.user) });
    expect(status).toBe(404);
    expect(json?.error.code).toBe("NOT_FOUND");
    const unknown = await callRoute(GET, { params: { orgSlug: "no-such-org-anywhere" }, cookie: await sessionCookieFor(mine.user) });
    expect(unknown.json).toEqual({ error: { ...json!.error, requestId: unknown.json!.error.requestId } });
  });

  it("answers 404 for a slug that cannot exist", async () => {
    const { user } = await createOrgWithMember("OWNER");
    const { status } = await callRoute(GET, { params: { orgSlug: "Not A Slug!" }, cookie: await sessionCookieFor(user) });
    expect(status).toBe(404);
  });

  it("refuses a suspended member with 403", async () => {
    const { organization } = await createOrgWithMember("OWNER");
    const suspended = await createUser();
    await addMember(organization.id, suspended.id, "MEMBER", "SUSPENDED");
    const { status, json } = await callRoute(GET, { params: { orgSlug: organization.slug }, cookie: await sessionCookieFor(suspended) });
    expect(status).toBe(403);
    expect(json?.error.message).toMatch(/suspended/);
  });

  it("refuses a session revoked by a session-version bump with 401", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const { status, json } = await callRoute(GET, { params: { orgSlug: organization.slug }, cookie });
    expect(status).toBe(401);
    expect(json?.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("PATCH /api/v1/o/{orgSlug}", () => {
  it("lets an owner set when hires count as stuck (1 to 90 days), recording organization.updated; bad values change nothing", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const { status, json } = await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie, body: { stuckAfterDays: 10 } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ name: organization.name, stuckAfterDays: 10 });
    for (const stuckAfterDays of [0, 91, 2.5, "7"]) {
      expect((await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie, body: { stuckAfterDays } })).status).toBe(422);
    }
    expect((await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie, body: {} })).status).toBe(422);
    const events = await getDb().event.findMany({ where: { organizationId: organization.id } });
    expect(events.map((event) => [event.type, event.payload])).toEqual([["organization.updated", { stuckAfterDays: { from: 7, to: 10 } }]]);
  });

  it("lets an owner set when due-soon reminders go out (0 to 30 days before), recording organization.updated; bad values change nothing", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    const { status, json } = await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie, body: { dueSoonDays: 0 } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ stuckAfterDays: 7, dueSoonDays: 0 });
    for (const dueSoonDays of [-1, 31, 1.5, "3", null]) {
      expect((await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie, body: { dueSoonDays } })).status).toBe(422);
    }
    const events = await getDb().event.findMany({ where: { organizationId: organization.id } });
    expect(events.map((event) => [event.type, event.payload])).toEqual([["organization.updated", { dueSoonDays: { from: 3, to: 0 } }]]);
  });

  it("lets an owner rename and records one organization.renamed event", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const { status, json } = await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie: await sessionCookieFor(user), body: { name: "  Platform Team  " } });
    expect(status).toBe(200);
    expect(json?.name).toBe("Platform Team");
    const events = await getDb().event.findMany({ where: { organizationId: organization.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "organization.renamed", actorId: user.id, sequence: 1n, payload: { from: organization.name, to: "Platform Team" } });
  });

  it("refuses an admin with 403 and changes nothing", async () => {
    const { organization } = await createOrgWithMember("OWNER");
    const admin = await createUser();
    await addMember(organization.id, admin.id, "ADMIN");
    const { status, json } = await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie: await sessionCookieFor(admin), body: { name: "Hijacked" } });
    expect(status).toBe(403);
    expect(json?.error.code).toBe("FORBIDDEN");
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
  });

  it("cannot rename another organization: 404 and nothing changes", async () => {
    const mine = await createOrgWithMember("OWNER");
    const theirs = await createOrgWithMember("OWNER");
    const { status } = await callRoute(PATCH, { params: { orgSlug: theirs.organization.slug }, cookie: await sessionCookieFor(mine.user), body: { name: "Mine now" } });
    expect(status).toBe(404);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: theirs.organization.id } })).name).toBe(theirs.organization.name);
  });

  it("lists each bad field with its path (422) and changes nothing", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const { status, json } = await callRoute(PATCH, { params: { orgSlug: organization.slug }, cookie: await sessionCookieFor(user), body: { name: "x", colour: "red" } });
    expect(status).toBe(422);
    expect(json?.error.code).toBe("VALIDATION_FAILED");
    expect(json?.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: "body.name", message: "A name has at least 2 characters." },
        { path: "body.colour", message: "Unknown field." },
      ]),
    );
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
    expect(await getDb().event.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
