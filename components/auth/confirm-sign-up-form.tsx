"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

interface SignUpResult {
  user: { email: string };
  organization: { slug: string };
}

/** Step 2 of sign-up, from the emailed link: the account's details; then signs in and opens the organization. */
export function ConfirmSignUpForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ message: string; signIn: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      token,
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
    };
    setPending(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const { user, organization }: SignUpResult = await callEndpoint(api.confirmSignUp, { body: input });
      const signedIn = await signIn("credentials", { redirect: false, email: user.email, password: input.password });
      router.replace(signedIn?.ok ? `/o/${organization.slug}` : "/sign-in");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setFieldErrors(error.fieldErrors);
      else setFormError({ message: error instanceof ApiError ? error.message : "Something went wrong. Try again.", signIn: error instanceof ApiError && error.code === "CONFLICT" });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? (
        <FormAlert>
          {formError.message}{" "}
          {formError.signIn ? (
            <Link href="/sign-in" className="underline underline-offset-2">
              Sign in
            </Link>
          ) : null}
        </FormAlert>
      ) : null}
      <Input label="Work email" name="email" type="email" value={email} readOnly hint="Confirmed by the link you opened." />
      <Input label="Your name" name="name" autoComplete="name" required error={fieldErrors.name} autoFocus />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A few unrelated words work well."
        error={fieldErrors.password}
      />
      <Input
        label="Organization name"
        name="organizationName"
        autoComplete="organization"
        required
        hint="Your team or company. You can rename it later."
        error={fieldErrors.organizationName}
      />
      <Button type="submit" loading={pending}>
        Create account
      </Button>
    </form>
  );
}
