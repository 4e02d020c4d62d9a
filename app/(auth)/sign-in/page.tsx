import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/ui/form-alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { OAUTH_EMAIL_UNVERIFIED_ERROR } from "@/lib/auth/options";
import { getConfig } from "@/lib/config";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

/** next-auth sends failed OAuth sign-ins back here with `?error=<code>`. */
function errorMessage(code: string | string[] | undefined): string | null {
  if (typeof code !== "string" || !code) return null;
  if (code === OAUTH_EMAIL_UNVERIFIED_ERROR) {
    return "GitHub did not share a verified primary email address, so Cairn cannot tell which account is yours. Verify your email on GitHub, or sign in another way.";
  }
  if (code === "OAuthAccountNotLinked" || code === "AccessDenied") return "That sign-in was refused. Sign in another way.";
  if (code.startsWith("OAuth") || code === "Callback") return "Signing in with GitHub did not complete. Try again, or sign in another way.";
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const config = getConfig();
  // Only a path on our own origin, resolved as the browser would (never the raw value).
  const callbackPath = safeRedirectPath(query.callbackUrl, config.NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackPath);
  const oauthError = errorMessage(query.error);
  return (
    <AuthCard title="Sign in to Cairn" description="Welcome back. Pick up where your team left off.">
      {query.reset === "done" ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
          Your password was changed and you were signed out everywhere. Sign in with your new password.
        </p>
      ) : null}
      {oauthError ? (
        <div className="mb-4">
          <FormAlert>{oauthError}</FormAlert>
        </div>
      ) : null}
      <SignInForm callbackPath={callbackPath} githubEnabled={config.githubOAuth !== null} mailboxHint={config.devMailboxEnabled} />
    </AuthCard>
  );
}
