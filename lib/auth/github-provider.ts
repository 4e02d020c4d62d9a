/**
 * next-auth's GitHub provider, asking GitHub which email is the account's
 * *verified* primary one (the stock provider takes the primary or first email
 * without checking), because account linking (oauth-account.ts) trusts only a
 * verified address.
 */
import type { Profile } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import type { GithubProfile } from "next-auth/providers/github";

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

export type CairnGithubProfile = GithubProfile & { email_verified: boolean };

/** The verified primary address among GitHub's /user/emails answer, or null. */
export function verifiedPrimaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const primary = (emails as GitHubEmail[]).find((entry) => entry?.primary === true && entry.verified === true && typeof entry.email === "string");
  return primary?.email ?? null;
}

export function githubProvider({ clientId, clientSecret }: { clientId: string; clientSecret: string }) {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GithubProfile;
        const response = await fetch("https://api.github.com/user/emails", {
          headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "Cairn" },
        });
        const email = response.ok ? verifiedPrimaryEmail(await response.json()) : null;
        const augmented: CairnGithubProfile = { ...profile, email, email_verified: email !== null };
        // next-auth types userinfo as its generic Profile; `profile()` below receives this object.
        return augmented as unknown as Profile;
      },
    },
    profile(profile) {
      return { id: String(profile.id), name: profile.name ?? profile.login, email: profile.email, image: profile.avatar_url };
    },
  });
}
