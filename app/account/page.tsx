import type { Metadata } from "next";
import { PersonalTokens } from "@/components/api-tokens/personal-tokens";
import { CalendarFeed } from "@/components/account/calendar-feed";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { GitHubLink } from "@/components/account/github-link";
import type { GitHubLinkNotice } from "@/components/account/github-link";
import { EmailPreferencesForm } from "@/components/account/email-preferences-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { emailVerifiedAt } from "@/lib/accounts/email-verification";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { linkedGitHub } from "@/lib/users/github-link";
import { GITHUB_LINK_OUTCOMES } from "@/lib/users/github-link-intent";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ github?: string | string[] }> }) {
  const user = await requireUser("/account");
  // Where a personal token can act: the organizations the person is an active member of.
  const [verifiedAt, github, { github: outcome }, memberships] = await Promise.all([
    emailVerifiedAt(user.id),
    linkedGitHub(user.id),
    searchParams,
    getDb().membership.findMany({
      where: { userId: user.id, status: "ACTIVE" },
      select: { role: true, organization: { select: { slug: true, name: true } } },
      orderBy: { organization: { name: "asc" } },
    }),
  ]);
  const notice = (GITHUB_LINK_OUTCOMES as readonly unknown[]).includes(outcome) ? (outcome as GitHubLinkNotice) : null;
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      {verifiedAt ? null : (
        <div className="mt-6">
          <VerifyEmailBanner email={user.email} />
        </div>
      )}
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-muted-foreground">Name</dt>
        <dd>{user.name ?? "—"}</dd>
        <dt className="text-muted-foreground">Email</dt>
        <dd>
          {user.email}{" "}
          {verifiedAt ? (
            <span className="ml-2 rounded-full border border-border px-2 py-0.5 text-xs text-muted-foreground">verified</span>
          ) : (
            <span className="ml-2 rounded-full border border-border px-2 py-0.5 text-xs text-muted-foreground">not verified</span>
          )}
        </dd>
      </dl>
      <section className="mt-10 rounded-xl border border-border bg-surface p-6" aria-labelledby="password">
        <h2 id="password" className="text-lg font-semibold">
          Password
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">Changing it signs out every other browser and device.</p>
        <ChangePasswordForm email={user.email} />
      </section>
      <section id="github" className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="github-heading">
        <h2 id="github-heading" className="text-lg font-semibold">
          GitHub
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">
          Mentors see whether the pull requests and commits you submit as evidence are yours. Linking also lets you sign in with GitHub.
        </p>
        <GitHubLink linked={github ? { login: github.login } : null} available={getConfig().githubOAuth !== null} notice={notice} />
      </section>
      <section id="email" className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-lg font-semibold">
          Email
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">Which emails and reminders Cairn sends you, and your time zone. Notifications inside Cairn arrive either way, except reminders you turn off.</p>
        <EmailPreferencesForm />
      </section>
      <section id="calendar" className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading" className="text-lg font-semibold">
          Calendar
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">
          Due dates of your tracks and of their sections and items, as a calendar feed (iCalendar) your calendar app subscribes to. Only organizations you are an active member of.
        </p>
        <CalendarFeed />
      </section>
      <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="sessions">
        <h2 id="sessions" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">
          Lost a laptop, or signed in on a shared computer? End every session of your account at once.
        </p>
        <SignOutEverywhere />
      </section>
      <section id="api-tokens" className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="api-tokens-heading">
        <h2 id="api-tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">
          Personal tokens let scripts call the <a href="/docs/api#calling-with-a-token" className="text-link underline underline-offset-4 hover:no-underline">API</a> as you, in one organization, with the scopes you choose and never more than your role there.
        </p>
        <PersonalTokens organizations={memberships.map(({ role, organization }) => ({ ...organization, role }))} />
      </section>
    </div>
  );
}
