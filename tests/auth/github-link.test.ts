/**
 * Linking a GitHub account from the account page (decision 0034): the link
 * rules (decision 0017: never another account's GitHub), the link cookie and
 * the callback's decision, and the account endpoints. GitHub's OAuth itself is
 * not reachable here: the callback is exercised through finishGitHubLink with
 * the profile GitHub would give, and the e2e test links through the same
 * service (linkGitHubAccount) from a factory.
 */
import { describe, expect, it } from "vitest";
import { DELETE as unlinkRoute, GET as myGitHubRoute } from "@/app/api/v1/me/github/route";
import { POST as startLinkRoute } from "@/app/api/v1/me/github/link/route";
import { getDb } from "@/lib/db/client";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { linkGitHubAccount, linkedGitHub, refreshGitHubLogin } from "@/lib/users/github-link";
import { GITHUB_LINK_COOKIE, finishGitHubLink, linkIntentCookie, linkIntentUser } from "@/lib/users/github-link-intent";
import { callRoute } from "../support/call-route";
import { createUser, sessionCookieFor } from "../support/factories";

let nextId = 8_000_000 + Math.floor(Math.random() * 1_000_000);
const newGitHub = () => {
  nextId += 1;
  return { id: nextId, login: `octo-${nextId}` };
};
const cookieValue = (setCookie: string) => setCookie.split(";")[0]!.slice(GITHUB_LINK_COOKIE.length + 1);

describe("linking rules", () => {
  it("links, refreshes the login, refuses another's GitHub account and a second one, and unlinks", async () => {
    const [alice, bob] = [await createUser(), await createUser()];
    const github = newGitHub();
    expect(await linkGitHubAccount(alice.id, github)).toEqual({ ok: true });
    expect(await linkedGitHub(alice.id)).toMatchObject(github);
    expect(await getDb().account.count({ where: { userId: alice.id, provider: "github", providerAccountId: String(github.id) } })).toBe(1);
    // Again with a renamed login: refreshed, still one link.
    expect(await linkGitHubAccount(alice.id, { id: github.id, login: "renamed-octo" })).toEqual({ ok: true });
    expect((await linkedGitHub(alice.id))!.login).toBe("renamed-octo");
    // Bob cannot take Alice's GitHub account; Alice cannot add a second one.
    expect(await linkGitHubAccount(bob.id, github)).toEqual({ ok: false, reason: "linked-elsewhere" });
    expect(await linkGitHubAccount(alice.id, newGitHub())).toEqual({ ok: false, reason: "other-account-linked" });
    expect(await linkedGitHub(bob.id)).toBeNull();
    // A GitHub sign-in refreshes the login too.
    await refreshGitHubLogin(alice.id, { id: github.id, login: "octo-again" });
    expect((await linkedGitHub(alice.id))!.login).toBe("octo-again");
    await expect(linkGitHubAccount(alice.id, { id: 1, login: "bad login!" })).rejects.toThrow();
  });
});

describe("the link cookie and GitHub's callback", () => {
  it("links only for the signed-in user the cookie was made for, within ten minutes", async () => {
    const [alice, mallory] = [await createUser(), await createUser()];
    const cookie = cookieValue(linkIntentCookie(alice.id));
    expect(linkIntentUser(cookie)).toBe(alice.id);
    expect(linkIntentUser(cookieValue(linkIntentCookie(alice.id, Date.now() - 11 * 60_000)))).toBeNull();
    expect(linkIntentUser(`${cookie.slice(0, -2)}AA`)).toBeNull();
    expect(linkIntentUser(sealSecret("not json"))).toBeNull();

    // No cookie: an ordinary sign-in, not a link.
    expect(await finishGitHubLink(undefined, alice.id, newGitHub())).toBeNull();
    // Signed in as someone else, or signed out: refused, nothing linked.
    const github = newGitHub();
    expect(await finishGitHubLink(cookie, mallory.id, github)).toBe("/account?github=expired#github");
    expect(await finishGitHubLink(cookie, null, github)).toBe("/account?github=expired#github");
    expect(await getDb().gitHubIdentity.count({ where: { githubId: BigInt(github.id) } })).toBe(0);

    expect(await finishGitHubLink(cookie, alice.id, github)).toBe("/account?github=linked#github");
    expect(await linkedGitHub(alice.id)).toMatchObject(github);
    // Mallory's own link attempt with Alice's GitHub account is refused.
    expect(await finishGitHubLink(cookieValue(linkIntentCookie(mallory.id)), mallory.id, github)).toBe("/account?github=linked-elsewhere#github");
  });
});

describe("the account endpoints", () => {
  it("shows, starts and removes the link", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const read = () => callRoute(myGitHubRoute, { path: "/api/v1/me/github", cookie });
    expect((await read()).json).toEqual({ linked: null, linkAvailable: false });

    const started = await callRoute(startLinkRoute, { path: "/api/v1/me/github/link", cookie, method: "POST" });
    expect(started.status).toBe(200);
    const setCookie = started.response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^cairn\.github-link=v1\.[\w-]+; Path=\/api\/auth; Max-Age=600; HttpOnly; SameSite=Lax$/);
    expect(linkIntentUser(cookieValue(setCookie))).toBe(user.id);

    const github = newGitHub();
    await linkGitHubAccount(user.id, github);
    expect((await read()).json).toMatchObject({ linked: { id: github.id, login: github.login } });
    const removed = await callRoute(unlinkRoute, { path: "/api/v1/me/github", cookie, method: "DELETE" });
    expect(removed.json).toEqual({ linked: null, linkAvailable: false });
    expect(await getDb().account.count({ where: { userId: user.id, provider: "github" } })).toBe(0);
    expect((await callRoute(myGitHubRoute, { path: "/api/v1/me/github" })).status).toBe(401);
  });
});
