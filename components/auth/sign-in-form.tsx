"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { describeWait } from "@/lib/security/describe-wait";
import { signInRetryAfterSeconds } from "@/lib/security/sign-in-error";

/** What went wrong, from next-auth's `result.error` (see lib/security/sign-in-error.ts). */
function signInErrorMessage(error: string | undefined): string {
  const retryAfterSeconds = signInRetryAfterSeconds(error);
  if (retryAfterSeconds !== null) return `Too many sign-in attempts. Try again in ${describeWait(retryAfterSeconds)}.`;
  if (!error || error === "CredentialsSignin") return "The email or password is incorrect.";
  return "Signing in failed. Try again in a moment.";
}

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error ?? undefined));
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch {
      setError("Could not reach Cairn. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? (
        <FormAlert>
          {error}
        </FormAlert>
      ) : null}
      <Input label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <div className="flex flex-col gap-1.5">
        <Input label="Password" name="password" type="password" autoComplete="current-password" required />
        <Link href="/forgot-password" className="self-end text-sm text-link underline underline-offset-2">
          Forgot password?
        </Link>
      </div>
      <Button type="submit" loading={pending}>
        Sign in
      </Button>
      <p className="text-sm text-muted-foreground">
        New to Cairn?{" "}
        <Link href="/sign-up" className="text-link underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </form>
  );
}
