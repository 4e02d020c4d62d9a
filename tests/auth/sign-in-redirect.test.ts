/**
 * Open redirect after sign-in (issue 13): `/sign-in?callbackUrl=/%09/evil.example/x` passed
 * the old check, and both the page's server redirect and next-auth's callback URL led off
 * Cairn. Both now go through lib/http/safe-redirect.ts: the real sign-in page (its redirect
 * for a signed-in visitor) and next-auth's real handler (the callback URL it answers).
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { afterEach, describe, expect, it, vi } from "vitest";
import SignInPage from "@/app/(auth)/sign-in/page";
import { getDb } from "@/lib/db/client";
import { postAuthAction } from "./next-auth-client";

const signedIn = vi.hoisted(() => ({ user: null as null | { id: string } }));
// The page reads the session from next/headers, which exists only inside a Next.js request.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedIn.user }));
afterEach(() => {
  signedIn.user = null;
});

const ATTACKS = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r/evil.example/x",
  "//evil.example/x",
  "/\\evil.example/x",
  "\\\\evil.example/x",
  "/%2F/evil.example/x",
  "%2F%2Fevil.example/x",
  "/%5C/evil.example/x",
  "javascript:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example/x",
  "/o\u0000",
  `/o/${"a".repeat(5000)}`,
];

/** Where the page's server redirect for a signed-in visitor goes (Next's redirect() throws it). */
async function pageRedirect(callbackUrl: string): Promise<string> {
  signedIn.user = { id: randomUUID() };
  const outcome = await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(isRedirectError(outcome), `redirect for ${JSON.stringify(callbackUrl)}`).toBe(true);
  return getURLFromRedirectError(outcome as Parameters<typeof getURLFromRedirectError>[0]);
}

describe("the sign-in page's redirect", () => {
  it("sends a signed-in visitor to a path on Cairn, and to /o for anything leading elsewhere", async () => {
    expect(await pageRedirect("/o/acme/members?role=ADMIN")).toBe("/o/acme/members?role=ADMIN");
    expect(await pageRedirect("http://localhost:3000/account")).toBe("/account");
    for (const attack of ATTACKS) expect(await pageRedirect(attack), JSON.stringify(attack)).toBe("/o");
  });

  it("hands the form only a safe path (the form's router.replace goes through the same check)", async () => {
    const page = (await SignInPage({ searchParams: Promise.resolve({ callbackUrl: "/\t/evil.example/x" }) })) as { props: { children: unknown } };
    const form = JSON.stringify(page, (_key, value: unknown) => (typeof value === "function" ? undefined : value));
    expect(form).toContain('"callbackPath":"/o"');
    expect(form).not.toContain("evil.example");
  });
});

describe("next-auth's callback URL", () => {
  it("answers a sign-in with a URL on Cairn whatever callbackUrl was posted", async () => {
    const email = `redirect-${randomUUID().slice(0, 8)}@example.test`;
    const password = "willow compass thunder 27";
    await getDb().user.create({ data: { email, name: "Redirect Tester", passwordHash: await hash(password) } });

    const fine = await postAuthAction("callback", "credentials", { email, password, callbackUrl: "/o/acme" });
    expect(fine.sessionCookie).not.toBeNull();
    expect(fine.response.redirect).toBe("http://localhost:3000/o/acme");

    for (const attack of ATTACKS.slice(0, 12)) {
      const { response } = await postAuthAction("callback", "credentials", { email, password, callbackUrl: attack });
      expect(new URL(response.redirect!).origin, JSON.stringify(attack)).toBe("http://localhost:3000");
      expect(response.redirect, JSON.stringify(attack)).toBe("http://localhost:3000/");
    }
  });
});
