/**
 * "Link GitHub" from the account page (decision 0034). The browser first posts
 * /api/v1/me/github/link, which sets a short-lived HttpOnly cookie holding the
 * user's id, sealed (lib/jobs/sealed-secret.ts); then it runs next-auth's
 * GitHub sign-in. When GitHub calls back, the signIn callback
 * (lib/auth/options.ts → finishGitHubLink) links the GitHub account to the
 * user only if that cookie is valid *and* the browser is still signed in as
 * the same user, and answers with a redirect to the account page, so the
 * session is not replaced. Without the cookie a GitHub callback is an ordinary
 * sign-in. The link itself follows decision 0017 (lib/users/github-link.ts).
 */
import { getConfig } from "@/lib/config";
import { openSealedSecret, sealSecret } from "@/lib/jobs/sealed-secret";
import { linkGitHubAccount } from "./github-link";

export const GITHUB_LINK_COOKIE = "cairn.github-link";
export const GITHUB_LINK_TTL_SECONDS = 10 * 60;

/** Where each outcome lands: the account page reads `?github=`. */
export const GITHUB_LINK_OUTCOMES = ["linked", "linked-elsewhere", "other-account-linked", "expired"] as const;
export type GitHubLinkResult = (typeof GITHUB_LINK_OUTCOMES)[number];

export function linkIntentCookie(userId: string, now = Date.now()): string {
  const value = sealSecret(JSON.stringify({ userId, exp: now + GITHUB_LINK_TTL_SECONDS * 1000 }));
  const secure = getConfig().NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  // Path /api/auth: only next-auth's callback reads it. Lax: GitHub's redirect back is a top-level GET.
  return `${GITHUB_LINK_COOKIE}=${value}; Path=/api/auth; Max-Age=${GITHUB_LINK_TTL_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** The user a link cookie was made for, or null when it is missing, altered or expired. */
export function linkIntentUser(cookieValue: string | undefined, now = Date.now()): string | null {
  if (!cookieValue) return null;
  try {
    const intent = JSON.parse(openSealedSecret(cookieValue)) as { userId?: unknown; exp?: unknown };
    return typeof intent.userId === "string" && typeof intent.exp === "number" && intent.exp > now ? intent.userId : null;
  } catch {
    return null;
  }
}

/**
 * The GitHub callback of a link: null when there is no link cookie (an ordinary sign-in), else
 * the account page's address with the outcome.
 */
export async function finishGitHubLink(
  cookieValue: string | undefined,
  signedInUserId: string | null,
  github: { id: unknown; login: unknown },
): Promise<string | null> {
  if (cookieValue === undefined) return null;
  const userId = linkIntentUser(cookieValue);
  const page = (result: GitHubLinkResult) => `/account?github=${result}#github`;
  if (userId === null || userId !== signedInUserId || typeof github.id !== "number" || typeof github.login !== "string") return page("expired");
  const outcome = await linkGitHubAccount(userId, { id: github.id, login: github.login });
  return page(outcome.ok ? "linked" : outcome.reason);
}
