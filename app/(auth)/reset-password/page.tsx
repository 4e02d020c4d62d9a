import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonStyles } from "@/components/ui/button";
import { isResetTokenUsable } from "@/lib/accounts/password-reset";

// The token is in this page's URL: never send it onwards in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  // Checked up front so nobody types a new password into a link that cannot work.
  if (!(await isResetTokenUsable(token))) {
    return (
      <AuthCard title="This link no longer works" description="This link has expired or was already used; ask for a new one. Reset links work once, for 1 hour.">
        <Link href="/forgot-password" className={buttonStyles({ className: "w-full" })}>
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description="Setting a new password signs you out on every device.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
