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

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordForm({ mailboxHint }: { mailboxHint: boolean }) {
  const [sent, setSent] = useState<string | null>(null);
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
      const { message } = await callEndpoint(api.requestPasswordReset, { body: { email } });
      setSent(message);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.email) setFieldError(error.fieldErrors.email);
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <EmailSentNotice message={sent} mailboxHint={mailboxHint}>
        <p className="text-sm text-muted-foreground">
          <Link href="/sign-in" className="text-link underline underline-offset-2">
            Back to sign in
          </Link>
        </p>
      </EmailSentNotice>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? (
        <FormAlert>
          {formError}
        </FormAlert>
      ) : null}
      <Input label="Email" name="email" type="email" autoComplete="email" required autoFocus error={fieldError} />
      <Button type="submit" loading={pending}>
        Email me a reset link
      </Button>
      <p className="text-sm text-muted-foreground">
        Remembered it?{" "}
        <Link href="/sign-in" className="text-link underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
