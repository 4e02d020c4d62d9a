/**
 * API tokens at the gate (decision 0032), through the real route handlers: a token
 * acts in its one organization within its scopes and its member's role as it is at
 * the request; revoking, expiry, suspension and removal cut it off at the next
 * request; bearer writes need no Origin; token management never takes a token;
 * malformed tokens are 401 before any query; each token has its own rate limit.
 */
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as revokeSessionsRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { GET as getOrgRoute, PATCH as renameOrgRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { GET as listMembersRoute } from "@/app/api/v1/o/[orgSlug]/members/route";
import { DELETE as removeMemberRoute, PATCH as updateMemberRoute } from "@/app/api/v1/o/[orgSlug]/members/[membershipId]/route";
import { GET as listServiceRoute } from "@/app/api/v1/o/[orgSlug]/service-tokens/route";
import { GET as listPersonalRoute } from "@/app/api/v1/me/tokens/route";
import { getDb } from "@/lib/db/client";
import { API_TOKEN_RATE_LIMIT } from "@/lib/security/limits";
import { consumeRateLimits } from "@/lib/security/rate-limit";
import { organizationWith, removeMember, updateMember } from "../members/members-fixture";
import { callRoute } from "../support/call-route";
import { countQueries } from "../support/count-queries";
import { bearer, callWithToken, personalToken, revokePersonalToken } from "./api-tokens-fixture";

const READ = ["org.read", "member.read"];

function expectUnauthenticated(answer: { status: number; json?: Record<string, any> }) {
  expect(answer.status).toBe(401);
  expect(answer.json!.error).toMatchObject({ code: "UNAUTHENTICATED" });
  expect(typeof answer.json!.error.requestId).toBe("string");
}

describe("a personal token", () => {
  it("calls an organization endpoint as its person, and records when it was last used", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const { token, id } = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    expect(token).toMatch(/^cairn_pat_[A-Za-z0-9_-]{43}$/);
    const org = await callWithToken(getOrgRoute, token, organization.slug);
    expect(org.status).toBe(200);
    expect(org.json).toMatchObject({ slug: organization.slug, role: "ADMIN" });
    const members_ = await callWithToken(listMembersRoute, token, organization.slug);
    expect(members_.status).toBe(200);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.lastUsedAt).not.toBeNull();
    // Only the hash is stored.
    expect(JSON.stringify(stored)).not.toContain(token.slice(10));
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const { organization, members } = await organizationWith("MEMBER");
    const { token, id } = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    await callWithToken(getOrgRoute, token, organization.slug);
    const { statements } = await countQueries(() => callWithToken(getOrgRoute, token, organization.slug));
    expect(statements.filter((text) => text.includes('UPDATE "ApiToken"'))).toEqual([]);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await getDb().apiToken.update({ where: { id }, data: { lastUsedAt: longAgo } });
    await callWithToken(getOrgRoute, token, organization.slug);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("gets 403 for an endpoint outside its scopes, and nothing changes", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read"] });
    const renamed = await callWithToken(renameOrgRoute, token, organization.slug, { body: { name: "Renamed by a token" } });
    expect(renamed.status).toBe(403);
    expect(renamed.json!.error).toMatchObject({ code: "FORBIDDEN", message: "This API token does not have the org.update scope." });
    expect((await callWithToken(listMembersRoute, token, organization.slug)).status).toBe(403);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
  });

  it("never exceeds its member's current role: a demoted owner's token loses what the new role lacks", async () => {
    const { organization, members } = await organizationWith("OWNER", "OWNER");
    const { token } = await personalToken(members[1]!.cookie, organization.slug, { scopes: ["org.read", "org.update"] });
    expect((await callWithToken(renameOrgRoute, token, organization.slug, { body: { name: "Renamed by a token" } })).status).toBe(200);
    expect((await updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, { role: "MEMBER" })).status).toBe(200);
    const refused = await callWithToken(renameOrgRoute, token, organization.slug, { body: { name: "Renamed again" } });
    expect(refused.status).toBe(403);
    expect((await callWithToken(getOrgRoute, token, organization.slug)).status).toBe(200);
  });

  it("needs the scope of each further permission a service checks (removing someone, touching an owner)", async () => {
    const { organization, members } = await organizationWith("OWNER", "OWNER", "MEMBER");
    const [owner, otherOwner, member] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const leaveOnly = await personalToken(owner.cookie, organization.slug, { scopes: ["member.leave"] });
    const params = { membershipId: member.membershipId };
    const removal = await callWithToken(removeMemberRoute, leaveOnly.token, organization.slug, { extraParams: params });
    expect(removal.status).toBe(403);
    expect(removal.json!.error.message).toContain("member.remove");
    const updateOnly = await personalToken(owner.cookie, organization.slug, { scopes: ["member.update"] });
    const demotion = await callWithToken(updateMemberRoute, updateOnly.token, organization.slug, { extraParams: { membershipId: otherOwner.membershipId }, body: { role: "ADMIN" } });
    expect(demotion.status).toBe(403);
    expect(demotion.json!.error.message).toContain("member.grantOwner");
    expect(await getDb().membership.count({ where: { organizationId: organization.id } })).toBe(3);
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: otherOwner.membershipId } })).role).toBe("OWNER");
    const suspension = await callWithToken(updateMemberRoute, updateOnly.token, organization.slug, { extraParams: params, body: { status: "SUSPENDED" } });
    expect(suspension.status).toBe(200);
  });

  it("is bound to its organization: another organization's slug is a 404, even one its person belongs to", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const other = await organizationWith("OWNER");
    await getDb().membership.create({ data: { organizationId: other.organization.id, userId: members[0]!.userId, role: "OWNER" } });
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    for (const slug of [other.organization.slug, "no-such-organization"]) {
      const answer = await callWithToken(getOrgRoute, token, slug);
      expect(answer.status).toBe(404);
      expect(answer.json!.error.code).toBe("NOT_FOUND");
    }
  });

  it("is refused (401) once revoked or expired", async () => {
    const { organization, members } = await organizationWith("MEMBER");
    const revoked = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    expect((await callWithToken(getOrgRoute, revoked.token, organization.slug)).status).toBe(200);
    expect((await revokePersonalToken(members[0]!.cookie, revoked.id)).status).toBe(200);
    expectUnauthenticated(await callWithToken(getOrgRoute, revoked.token, organization.slug));

    const expired = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ, expiresInDays: 1 });
    expect((await callWithToken(getOrgRoute, expired.token, organization.slug)).status).toBe(200);
    await getDb().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectUnauthenticated(await callWithToken(getOrgRoute, expired.token, organization.slug));
  });

  it("stops at once when its member is suspended (401) or removed (401, the token is gone)", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR", "MENTOR");
    const [owner, suspended, removed] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const suspendedToken = await personalToken(suspended.cookie, organization.slug, { scopes: READ });
    const removedToken = await personalToken(removed.cookie, organization.slug, { scopes: READ });
    expect((await callWithToken(getOrgRoute, suspendedToken.token, organization.slug)).status).toBe(200);
    expect((await callWithToken(getOrgRoute, removedToken.token, organization.slug)).status).toBe(200);

    expect((await updateMember(organization.slug, suspended.membershipId, owner.cookie, { status: "SUSPENDED" })).status).toBe(200);
    expectUnauthenticated(await callWithToken(getOrgRoute, suspendedToken.token, organization.slug));
    expect((await removeMember(organization.slug, removed.membershipId, owner.cookie)).status).toBe(200);
    expectUnauthenticated(await callWithToken(getOrgRoute, removedToken.token, organization.slug));
    expect(await getDb().apiToken.count({ where: { id: removedToken.id } })).toBe(0);
    // Reactivated, the suspended member's token works again (it was never revoked).
    expect((await updateMember(organization.slug, suspended.membershipId, owner.cookie, { status: "ACTIVE" })).status).toBe(200);
    expect((await callWithToken(getOrgRoute, suspendedToken.token, organization.slug)).status).toBe(200);
  });

  it("writes without an Origin (no cookie, nothing to forge), and with any Origin", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read", "org.update"] });
    const renamed = await callWithToken(renameOrgRoute, token, organization.slug, { body: { name: "Renamed by a script" } });
    expect(renamed.status).toBe(200);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe("Renamed by a script");
    // A page elsewhere cannot get the token to send; holding it, a foreign Origin changes nothing.
    expect((await callWithToken(renameOrgRoute, token, organization.slug, { origin: "https://integrations.example", body: { name: "Renamed elsewhere" } })).status).toBe(200);
  });

  it("is refused beside a session cookie (400): one credential per request", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read", "org.update"] });
    const both = await callRoute(renameOrgRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, cookie: members[0]!.cookie, headers: bearer(token), body: { name: "Both" } });
    expect(both.status).toBe(400);
    expect(both.json!.error.code).toBe("BAD_REQUEST");
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
  });

  it("cannot call account endpoints or token management (401), whatever its scopes", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    for (const route of [meRoute, listPersonalRoute, revokeSessionsRoute]) {
      const answer = await callRoute(route, { origin: null, headers: bearer(token) });
      expectUnauthenticated(answer);
      expect(answer.json!.error.message).toContain("does not accept API tokens");
    }
    expectUnauthenticated(await callWithToken(listServiceRoute, token, organization.slug));
    const user = await getDb().user.findUniqueOrThrow({ where: { id: members[0]!.userId } });
    expect(user.sessionVersion).toBe(0);
  });

  it("answers 401, without a query, to malformed tokens and other schemes", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { token } = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const service = token.replace("cairn_pat_", "cairn_sat_");
    // A tampered or re-prefixed token is looked up (one statement) and found wanting.
    for (const value of [tampered, service]) expectUnauthenticated(await callWithToken(getOrgRoute, value, organization.slug));
    const malformed = [token.slice(0, 20), `${token}A`, token.replace("_pat_", "_xyz_"), `${token.slice(0, -1)}%00`, `${token.slice(0, -2)}\\0`, "cairn_pat_", "x".repeat(10_000)];
    for (const value of malformed) {
      const { result, statements } = await countQueries(() => callWithToken(getOrgRoute, value, organization.slug));
      expectUnauthenticated(result);
      expect(statements, value.slice(0, 40)).toEqual([]);
    }
    for (const header of ["Bearer", "Bearer  ", `Bearer ${token} extra`, `bearer  ${tampered}`]) {
      const answer = await callRoute(getOrgRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, headers: { authorization: header } });
      expectUnauthenticated(answer);
    }
    // Another scheme is not Cairn's (a proxy's Basic authentication passed along): ignored, the cookie decides.
    for (const header of [`Basic ${Buffer.from("a:b").toString("base64")}`, `Token ${token}`]) {
      const path = `/api/v1/o/${organization.slug}`;
      const params = { orgSlug: organization.slug };
      expectUnauthenticated(await callRoute(getOrgRoute, { path, params, headers: { authorization: header } }));
      expect((await callRoute(getOrgRoute, { path, params, cookie: members[0]!.cookie, headers: { authorization: header } })).status).toBe(200);
    }
  });

  it("has its own rate limit: over it, 429 with Retry-After, and other tokens go on", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const busy = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    const quiet = await personalToken(members[0]!.cookie, organization.slug, { scopes: READ });
    // Spend all but one point of the busy token's budget as its traffic would have.
    await consumeRateLimits([{ ...API_TOKEN_RATE_LIMIT, key: `token:${busy.id}`, cost: API_TOKEN_RATE_LIMIT.points - 1 }]);
    expect((await callWithToken(getOrgRoute, busy.token, organization.slug)).status).toBe(200);
    const limited = await callWithToken(getOrgRoute, busy.token, organization.slug);
    expect(limited.status).toBe(429);
    expect(limited.json!.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await callWithToken(getOrgRoute, quiet.token, organization.slug)).status).toBe(200);
    // The person's browser session is not counted against it.
    expect((await callRoute(getOrgRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, cookie: members[0]!.cookie })).status).toBe(200);
  });
});
