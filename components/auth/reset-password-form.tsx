"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/** Chooses a new password with the token from the emailed link; success leads to sign-in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setFieldErrors({});
    setFormError(null);
    // Only the browser sees both fields: a typo here would lock the user out of the new password.
    if (password !== String(form.get("confirmPassword") ?? "")) {
      setFieldErrors({ confirmPassword: "The two passwords differ. Type the same password twice." });
      return;
    }
    setPending(true);
    try {
      await callEndpoint(api.confirmPasswordReset, { body: { token, password } });
      router.replace("/sign-in?reset=done");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === "BAD_REQUEST") {
        setLinkDead(true);
        setFormError(error.message);
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setFieldErrors(error.fieldErrors);
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? (
        <FormAlert>
          <p>{formError}</p>
          {linkDead ? (
            <p className="mt-1">
              <Link href="/forgot-password" className="underline underline-offset-2">
                Ask for a new link
              </Link>
            </p>
          ) : null}
        </FormAlert>
      ) : null}
      <Input
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        hint="At least 10 characters. A few unrelated words work well."
        error={fieldErrors.password ?? fieldErrors.token}
      />
      <Input label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
      <Button type="submit" loading={pending}>
        Set new password
      </Button>
    </form>
  );
}
