"use client";

import Link from "next/link";
import { useState } from "react";
import type { FormEvent } from "react";
import { EmailSentNotice } from "@/components/auth/email-sent-notice";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/**
 * Step 1 of sign-up: only the address. The answer is the same whether or not it
 * has an account (decision 0017); the email says what to do next.
 */
export function SignUpForm({ mailboxHint }: { mailboxHint: boolean }) {
  const [sent, setSent] = useState<{ message: string; email: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      const { message } = await callEndpoint(api.signUp, { body: { email } });
      setSent({ message, email: email.trim() });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.email) setFieldError(error.fieldErrors.email);
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <EmailSentNotice message={sent.message} mailboxHint={mailboxHint}>
        <p className="text-sm text-muted-foreground">
          We wrote to <strong className="text-foreground">{sent.email}</strong>. Wrong address?{" "}
          <button type="button" className="text-link underline underline-offset-2" onClick={() => setSent(null)}>
            Use another one
          </button>
          .
        </p>
      </EmailSentNotice>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Input
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        hint="We email you a link to choose your password and name your organization."
        error={fieldError}
      />
      <Button type="submit" loading={pending}>
        Create account
      </Button>
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-link underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
