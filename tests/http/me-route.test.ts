import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/me/route";
import { POST as revokeRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { callRoute } from "../support/call-route";
import { addMember, createOrganization, createUser, sessionCookieFor } from "../support/factories";

describe("GET /api/v1/me", () => {
  it("lists only the caller's organizations, with role and permissions", async () => {
    const user = await createUser();
    const first = await createOrganization({ name: "Alpha Team" });
    const second = await createOrganization({ name: "Beta Team" });
    const stranger = await createOrganization({ name: "Gamma Team" });
    await addMember(first.id, user.id, "OWNER");
    await addMember(second.id, user.id, "MEMBER", "SUSPENDED");
    const other = await createUser();
    await addMember(stranger.id, other.id, "OWNER");

    const { status, json } = await callRoute(GET, { cookie: await sessionCookieFor(user) });
    expect(status).toBe(200);
    expect(json!.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(json!.memberships.map((m: { organization: { slug: string } }) => m.organization.slug)).toEqual([first.slug, second.slug]);
    expect(json!.memberships[0].permissions).toContain("org.update");
    expect(json!.memberships[1]).toMatchObject({ role: "MEMBER", status: "SUSPENDED", permissions: [] });
  });

  it("answers 401 without a session", async () => {
    expect((await callRoute(GET)).status).toBe(401);
  });
});

describe("POST /api/v1/me/sessions/revoke", () => {
  it("ends every session of the user, including the one that asked", async () => {
    const user = await createUser();
    const laptop = await sessionCookieFor(user);
    const phone = await sessionCookieFor(user);
    const { status, json } = await callRoute(revokeRoute, { cookie: laptop });
    expect(status).toBe(200);
    expect(json).toEqual({ revoked: true });
    expect((await callRoute(GET, { cookie: laptop })).status).toBe(401);
    expect((await callRoute(GET, { cookie: phone })).status).toBe(401);
    // Another user's sessions are untouched.
    const other = await createUser();
    expect((await callRoute(GET, { cookie: await sessionCookieFor(other) })).status).toBe(200);
  });

  it("answers 401 without a session", async () => {
    expect((await callRoute(revokeRoute)).status).toBe(401);
  });
});
