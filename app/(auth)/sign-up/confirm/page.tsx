import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSignUpForm } from "@/components/auth/confirm-sign-up-form";
import { buttonStyles } from "@/components/ui/button";
import { signUpLinkEmail } from "@/lib/accounts/sign-up";

// The token is in this page's URL: never send it onwards in a Referer header.
export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer", robots: { index: false } };

export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  // Checked up front (without using it up: a form, not a page load, creates the account,
  // so mail scanners that open links spend nothing).
  const email = await signUpLinkEmail(token);
  if (!email) {
    return (
      <AuthCard title="This link no longer works" description="Sign-up links work once, for 24 hours. Start again to get a new one.">
        <Link href="/sign-up" className={buttonStyles({ className: "w-full" })}>
          Start again
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Finish creating your account" description="Choose your password and name your organization.">
      <ConfirmSignUpForm token={token} email={email} />
    </AuthCard>
  );
}
