import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const callbackPath = safeCallbackPath(query.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  return (
    <AuthCard title="Sign in to Cairn" description="Welcome back. Pick up where your team left off.">
      {query.reset === "done" ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
          Your password was changed and you were signed out everywhere. Sign in with your new password.
        </p>
      ) : null}
      <SignInForm callbackPath={callbackPath} />
    </AuthCard>
  );
}
