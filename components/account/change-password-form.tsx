"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/**
 * Changing the password ends every session, this one included, so the form signs
 * this browser in again with the new password straight away.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setPending(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await callEndpoint(api.changePassword, { body: { currentPassword, newPassword } });
      const signedIn = await signIn("credentials", { redirect: false, email, password: newPassword });
      if (!signedIn?.ok) {
        router.replace("/sign-in?callbackUrl=%2Faccount");
        return;
      }
      formElement.reset();
      toast({ title: "Password changed", description: "Every other session has been signed out.", tone: "success" });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setFieldErrors(error.fieldErrors);
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Input label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword} />
      <Input
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A few unrelated words work well."
        error={fieldErrors.newPassword}
      />
      <div>
        <Button type="submit" loading={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
