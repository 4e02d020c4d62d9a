import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkSignIn } from "@/components/auth/email-link-sign-in";
import { buttonStyles } from "@/components/ui/button";
import { isSignInLinkUsable } from "@/lib/accounts/email-sign-in";

// The token is in this page's URL: never send it onwards in a Referer header.
export const metadata: Metadata = { title: "Sign in with your email link", referrer: "no-referrer", robots: { index: false } };

export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  if (!(await isSignInLinkUsable(token))) {
    return (
      <AuthCard title="This link no longer works" description="Sign-in links work once, for 15 minutes. Ask for a new one.">
        <Link href="/sign-in" className={buttonStyles({ className: "w-full" })}>
          Back to sign in
        </Link>
      </AuthCard>
    );
  }
  // A button rather than signing in on load: mail scanners that open links must not use up the token.
  return (
    <AuthCard title="Sign in to Cairn" description="Your link is ready. It works once.">
      <EmailLinkSignIn token={token} />
    </AuthCard>
  );
}
