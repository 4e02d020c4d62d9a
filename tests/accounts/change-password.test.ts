import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { verifyCredentials } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { createUser, sessionCookieFor } from "../support/factories";

const CURRENT = "amber kettle forest 19";

async function userWithPassword() {
  const user = await createUser({ name: "Tomasz Wolny" });
  return getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hash(CURRENT) } });
}

describe("POST /api/v1/me/password", () => {
  it("changes the password and ends every session", async () => {
    const user = await userWithPassword();
    const cookie = await sessionCookieFor(user);
    const other = await sessionCookieFor(user);
    const { status, json } = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: CURRENT, newPassword: "violet canyon piano 73" } });
    expect(status).toBe(200);
    expect(json).toEqual({ passwordChanged: true });
    expect(await verifyCredentials(user.email, "violet canyon piano 73")).not.toBeNull();
    expect(await verifyCredentials(user.email, CURRENT)).toBeNull();
    expect((await callRoute(meRoute, { cookie })).status).toBe(401);
    expect((await callRoute(meRoute, { cookie: other })).status).toBe(401);
  });

  it("refuses a wrong current password (422 on currentPassword) and changes nothing", async () => {
    const user = await userWithPassword();
    const cookie = await sessionCookieFor(user);
    const { status, json } = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: "not it at all 00", newPassword: "violet canyon piano 73" } });
    expect(status).toBe(422);
    expect(json!.error.details.issues).toEqual([{ path: "body.currentPassword", message: "That is not your current password." }]);
    expect(await verifyCredentials(user.email, CURRENT)).not.toBeNull();
    expect((await callRoute(meRoute, { cookie })).status).toBe(200);
  });

  it("applies the password rules to the new password, with the account's name and email", async () => {
    const user = await userWithPassword();
    const cookie = await sessionCookieFor(user);
    const named = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: CURRENT, newPassword: "i am tomasz wolny!" } });
    expect(named.status).toBe(422);
    expect(named.json!.error.details.issues).toEqual([{ path: "body.newPassword", message: "Don't use your name in your password." }]);
    const same = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: CURRENT, newPassword: CURRENT } });
    expect(same.json!.error.details.issues).toEqual([{ path: "body.newPassword", message: "Choose a password different from your current one." }]);
    const unknown = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: CURRENT, newPassword: "violet canyon piano 73", confirm: "x" } });
    expect(unknown.status).toBe(422);
    expect(await verifyCredentials(user.email, CURRENT)).not.toBeNull();
  });

  it("answers 409 for an account without a password", async () => {
    const user = await createUser();
    const { status, json } = await callRoute(changePasswordRoute, { cookie: await sessionCookieFor(user), body: { currentPassword: "anything at all", newPassword: "violet canyon piano 73" } });
    expect(status).toBe(409);
    expect(json!.error.message).toMatch(/Forgot password/);
  });

  it("stops guessing the current password after 10 attempts (429 with Retry-After)", async () => {
    const user = await userWithPassword();
    const cookie = await sessionCookieFor(user);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await callRoute(changePasswordRoute, { cookie, body: { currentPassword: `guess number ${attempt}`, newPassword: "violet canyon piano 73" } })).status).toBe(422);
    }
    const blocked = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: CURRENT, newPassword: "violet canyon piano 73" } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await verifyCredentials(user.email, CURRENT)).not.toBeNull();
  });

  it("answers 401 without a session and 403 for a cross-site request", async () => {
    expect((await callRoute(changePasswordRoute, { body: { currentPassword: CURRENT, newPassword: "violet canyon piano 73" } })).status).toBe(401);
    const user = await userWithPassword();
    const crossSite = await callRoute(changePasswordRoute, {
      cookie: await sessionCookieFor(user),
      headers: { origin: "https://evil.example" },
      body: { currentPassword: CURRENT, newPassword: "violet canyon piano 73" },
    });
    expect(crossSite.status).toBe(403);
  });
});
