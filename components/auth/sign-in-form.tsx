"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FormEvent } from "react";
import { EmailSentNotice } from "@/components/auth/email-sent-notice";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { describeWait } from "@/lib/security/describe-wait";
import { signInRetryAfterSeconds } from "@/lib/security/sign-in-error";

/** What went wrong, from next-auth's `result.error` (see lib/security/sign-in-error.ts). */
function signInErrorMessage(error: string | undefined): string {
  const retryAfterSeconds = signInRetryAfterSeconds(error);
  if (retryAfterSeconds !== null) return `Too many sign-in attempts. Try again in ${describeWait(retryAfterSeconds)}.`;
  if (!error || error === "CredentialsSignin") return "The email or password is incorrect.";
  if (error === "ServiceUnavailable") return "Cairn is temporarily unavailable. Try again in a moment.";
  return "Signing in failed. Try again in a moment.";
}

type Mode = "password" | "link";

/**
 * Password sign-in, or (switched with one button) a request for a passwordless
 * sign-in link by email, plus "Continue with GitHub" when the server offers it.
 */
export function SignInForm({ callbackPath, githubEnabled = false, mailboxHint = false }: { callbackPath: string; githubEnabled?: boolean; mailboxHint?: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("password");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [linkSent, setLinkSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function switchMode(next: Mode) {
    setMode(next);
    setError(null);
    setFieldError(undefined);
  }

  async function signInWithPassword(form: FormData) {
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? undefined));
      return;
    }
    router.replace(safeRedirectPath(callbackPath, window.location.origin));
    router.refresh();
  }

  async function requestLink(form: FormData) {
    try {
      const { message } = await callEndpoint(api.requestSignInLink, { body: { email: String(form.get("email") ?? "") } });
      setLinkSent(message);
    } catch (failure) {
      if (failure instanceof ApiError && failure.fieldErrors.email) setFieldError(failure.fieldErrors.email);
      else setError(failure instanceof ApiError ? failure.message : "Something went wrong. Try again.");
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setFieldError(undefined);
    try {
      await (mode === "password" ? signInWithPassword(form) : requestLink(form));
    } catch {
      setError("Could not reach Cairn. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (linkSent) {
    return (
      <EmailSentNotice message={linkSent} mailboxHint={mailboxHint}>
        <Button variant="secondary" onClick={() => (setLinkSent(null), switchMode("password"))}>
          Back to password
        </Button>
      </EmailSentNotice>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <Input label="Email" name="email" type="email" autoComplete="email" required autoFocus error={fieldError} />
        {mode === "password" ? (
          <>
            <div className="flex flex-col gap-1.5">
              <Input label="Password" name="password" type="password" autoComplete="current-password" required />
              <Link href="/forgot-password" className="self-end text-sm text-link underline underline-offset-2">
                Forgot password?
              </Link>
            </div>
            <Button type="submit" loading={pending}>
              Sign in
            </Button>
          </>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">We will email you a link that signs you in without a password. It works once, for 15 minutes.</p>
            <Button type="submit" loading={pending}>
              Email me a sign-in link
            </Button>
          </>
        )}
      </form>
      <div className="flex flex-col gap-2 border-t border-border pt-4">
        {mode === "password" ? (
          <Button variant="secondary" onClick={() => switchMode("link")}>
            Use an email link instead
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => switchMode("password")}>
            Use a password instead
          </Button>
        )}
        {githubEnabled ? (
          <Button variant="secondary" onClick={() => void signIn("github", { callbackUrl: safeRedirectPath(callbackPath, window.location.origin) })}>
            Continue with GitHub
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground">
        New to Cairn?{" "}
        <Link href="/sign-up" className="text-link underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </div>
  );
}
