/**
 * GitHub OAuth, offline: the provider exists exactly when GITHUB_ID and
 * GITHUB_SECRET are set, its sign-in redirect points at github.com with the
 * configured client id (not followed), and the linking rules that replace the
 * adapter under JWT sessions hold for constructed profiles.
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions, OAUTH_EMAIL_UNVERIFIED_ERROR, signInProviders } from "@/lib/auth/options";
import { signInWithOAuth } from "@/lib/auth/oauth-account";
import type { OAuthIdentity } from "@/lib/auth/oauth-account";
import { userFromCookieHeader } from "@/lib/auth/session";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { createUser, sessionCookieFor } from "../support/factories";
import { getAuthAction, postAuthAction } from "./next-auth-client";

const unique = () => randomUUID().slice(0, 8);

function configureGithub(on: boolean) {
  if (on) {
    process.env.GITHUB_ID = "Iv1.cairn-test-client";
    process.env.GITHUB_SECRET = "cairn-test-secret";
  } else {
    delete process.env.GITHUB_ID;
    delete process.env.GITHUB_SECRET;
  }
  resetConfig();
}

afterEach(() => configureGithub(false));

function identity(overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  return {
    provider: "github",
    providerAccountId: String(Math.floor(Math.random() * 1e9)),
    type: "oauth",
    email: `octo-${unique()}@example.test`,
    emailVerified: true,
    name: "Mona Octocat",
    image: "https://avatars.example.test/u/1",
    scope: "read:user,user:email",
    tokenType: "bearer",
    ...overrides,
  };
}

describe("configuration", () => {
  it("offers GitHub only when both variables are set", async () => {
    const offered = async () => Object.keys((await getAuthAction("providers")).body as Record<string, unknown>);
    configureGithub(false);
    expect(await offered()).toEqual(["credentials", "email-link"]);
    expect(signInProviders()).toHaveLength(2);
    configureGithub(true);
    expect(await offered()).toEqual(["credentials", "email-link", "github"]);
  });

  it("redirects a sign-in to GitHub's authorize page with the client id and Cairn's callback", async () => {
    configureGithub(true);
    const { response } = await postAuthAction("signin", "github");
    const url = new URL(response.redirect!);
    expect(url.origin + url.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe("Iv1.cairn-test-client");
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/github");
    expect(url.searchParams.get("scope")).toBe("read:user user:email");
    expect(url.searchParams.get("state")).toMatch(/^\S{16,}$/); // random, per attempt
    // The secret never travels in the browser's redirect.
    expect(response.redirect).not.toContain("cairn-test-secret");
  });

  it("does not know a GitHub sign-in when it is off", async () => {
    configureGithub(false);
    const { response } = await postAuthAction("signin", "github");
    expect(response.redirect ?? "").not.toContain("github.com");
  });
});

describe("linking a GitHub account", () => {
  it("creates a verified user without an organization when the email is new", async () => {
    const profile = identity();
    const outcome = await signInWithOAuth(profile);
    expect(outcome).toMatchObject({ ok: true, how: "created" });
    if (!outcome.ok) return;
    const user = await getDb().user.findUniqueOrThrow({ where: { id: outcome.user.id }, include: { accounts: true, memberships: true } });
    expect(user.email).toBe(profile.email);
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.passwordHash).toBeNull();
    expect(user.memberships).toEqual([]);
    expect(user.accounts).toEqual([expect.objectContaining({ provider: "github", providerAccountId: profile.providerAccountId, access_token: null, refresh_token: null })]);
  });

  it("finds the same user by the GitHub account next time, even if the GitHub email changed", async () => {
    const profile = identity();
    const first = await signInWithOAuth(profile);
    const again = await signInWithOAuth({ ...profile, email: `changed-${unique()}@example.test` });
    expect(again).toMatchObject({ ok: true, how: "existing-account" });
    expect(again.ok && first.ok && again.user.id === first.user.id).toBe(true);
    expect(await getDb().user.count({ where: { email: { startsWith: "changed-" } } })).toBe(0);
  });

  it("links to the verified user with the same email, keeping their password and sessions", async () => {
    const existing = await getDb().user.create({
      data: { email: `linked-${unique()}@example.test`, name: "Ada", passwordHash: await hash("ember glacier orbit 55"), emailVerified: new Date() },
    });
    const cookie = await sessionCookieFor(existing);
    const outcome = await signInWithOAuth(identity({ email: existing.email.toUpperCase() }));
    expect(outcome).toMatchObject({ ok: true, how: "linked", user: { id: existing.id } });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: existing.id }, include: { accounts: true } });
    expect(after.passwordHash).toBe(existing.passwordHash);
    expect(after.accounts).toHaveLength(1);
    expect(await userFromCookieHeader(cookie)).not.toBeNull();
  });

  it("takes an unverified same-email account from whoever set its password: password removed, sessions ended", async () => {
    const squatter = await getDb().user.create({
      data: { email: `squat-${unique()}@example.test`, name: "Squatter", passwordHash: await hash("ember glacier orbit 55") },
    });
    const cookie = await sessionCookieFor(squatter);
    const outcome = await signInWithOAuth(identity({ email: squatter.email }));
    expect(outcome).toMatchObject({ ok: true, how: "linked", user: { id: squatter.id, sessionVersion: squatter.sessionVersion + 1 } });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(await userFromCookieHeader(cookie)).toBeNull();
  });

  it("refuses a GitHub account without a verified email, creating and linking nothing", async () => {
    const user = await createUser();
    const unverified = identity({ email: user.email, emailVerified: false });
    expect(await signInWithOAuth(unverified)).toEqual({ ok: false, reason: "email_unverified" });
    expect(await signInWithOAuth(identity({ email: null }))).toEqual({ ok: false, reason: "email_unverified" });
    expect(await getDb().account.count({ where: { providerAccountId: unverified.providerAccountId } })).toBe(0);
    expect(await getDb().account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("makes one user and one account when the same first sign-in races itself", async () => {
    const profile = identity();
    const outcomes = await Promise.all([signInWithOAuth(profile), signInWithOAuth(profile), signInWithOAuth(profile)]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await getDb().user.count({ where: { email: profile.email! } })).toBe(1);
    expect(await getDb().account.count({ where: { providerAccountId: profile.providerAccountId } })).toBe(1);
  });
});

describe("next-auth callbacks", () => {
  it("signIn refuses an unverified GitHub email with a redirect the sign-in page explains", async () => {
    const callbacks = authOptions().callbacks!;
    const result = await callbacks.signIn!({
      user: { id: "12345", name: "Mona", email: null, image: null },
      account: { type: "oauth", provider: "github", providerAccountId: "12345" },
      profile: { email: undefined, email_verified: false } as never,
    });
    expect(result).toBe(`/sign-in?error=${OAUTH_EMAIL_UNVERIFIED_ERROR}`);
  });

  it("signIn links, then jwt stamps Cairn's user id and session version (not GitHub's id)", async () => {
    const callbacks = authOptions().callbacks!;
    const providerAccountId = String(Math.floor(Math.random() * 1e9));
    const email = `stamp-${unique()}@example.test`;
    const account = { type: "oauth" as const, provider: "github", providerAccountId };
    const githubUser = { id: providerAccountId, name: "Mona", email, image: null };
    expect(await callbacks.signIn!({ user: githubUser, account, profile: { email, email_verified: true } as never })).toBe(true);

    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    const token = await callbacks.jwt!({ token: { sub: providerAccountId }, user: githubUser, account, trigger: "signIn" });
    expect(token).toMatchObject({ sub: user.id, sv: user.sessionVersion, email });
    expect(user.id).not.toBe(providerAccountId);
  });
});
