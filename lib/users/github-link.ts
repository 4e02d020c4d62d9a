/**
 * Linking a GitHub account to the signed-in user (issue 16, decision 0034), so
 * evidence can be checked against it. The link is the Account row of provider
 * "github" (what GitHub sign-in uses) plus a GitHubIdentity row with the login.
 * Decision 0017 applies: a link never takes over another account. A GitHub
 * account linked to someone else is refused, and so is a second GitHub
 * account (unlink the first). Linking again with the same account refreshes the login.
 */
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const GITHUB_PROVIDER = "github";

export interface GitHubAccount {
  /** GitHub's numeric user id. */
  id: number;
  login: string;
}

export type GitHubLinkOutcome = { ok: true } | { ok: false; reason: "linked-elsewhere" | "other-account-linked" };

export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export async function linkGitHubAccount(userId: string, github: GitHubAccount): Promise<GitHubLinkOutcome> {
  if (!Number.isSafeInteger(github.id) || github.id <= 0 || !GITHUB_LOGIN.test(github.login)) throw new Error("not a GitHub account id and login");
  const providerAccountId = String(github.id);
  try {
    return await getDb().$transaction(async (tx) => {
      const account = await tx.account.findUnique({ where: { provider_providerAccountId: { provider: GITHUB_PROVIDER, providerAccountId } }, select: { userId: true } });
      if (account && account.userId !== userId) return { ok: false as const, reason: "linked-elsewhere" as const };
      const other = await tx.account.findFirst({ where: { userId, provider: GITHUB_PROVIDER, NOT: { providerAccountId } }, select: { id: true } });
      if (other) return { ok: false as const, reason: "other-account-linked" as const };
      if (!account) await tx.account.create({ data: { userId, type: "oauth", provider: GITHUB_PROVIDER, providerAccountId } });
      await tx.gitHubIdentity.upsert({
        where: { userId },
        create: { userId, githubId: BigInt(github.id), login: github.login },
        update: { githubId: BigInt(github.id), login: github.login },
      });
      return { ok: true as const };
    });
  } catch (error) {
    // Someone else linked the same GitHub account at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "linked-elsewhere" };
    throw error;
  }
}

/** Keeps the login current when a user signs in with GitHub (their login may have changed). */
export async function refreshGitHubLogin(userId: string, github: GitHubAccount): Promise<void> {
  if (!Number.isSafeInteger(github.id) || !GITHUB_LOGIN.test(github.login)) return;
  await getDb().gitHubIdentity.upsert({
    where: { userId },
    create: { userId, githubId: BigInt(github.id), login: github.login },
    update: { githubId: BigInt(github.id), login: github.login },
  }).catch((error: unknown) => {
    // The identity row of another user holds this GitHub id (should not happen: the Account row is unique): keep theirs.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  });
}

/** Removes the link; returns whether there was one. Evidence already checked keeps its result until checked again. */
export async function unlinkGitHubAccount(userId: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const accounts = await tx.account.deleteMany({ where: { userId, provider: GITHUB_PROVIDER } });
    const identities = await tx.gitHubIdentity.deleteMany({ where: { userId } });
    return accounts.count + identities.count > 0;
  });
}

export async function linkedGitHub(userId: string) {
  const row = await getDb().gitHubIdentity.findUnique({ where: { userId }, select: { githubId: true, login: true, linkedAt: true } });
  return row ? { id: Number(row.githubId), login: row.login, linkedAt: row.linkedAt } : null;
}
