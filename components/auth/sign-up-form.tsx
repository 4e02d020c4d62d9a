"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { ApiError, apiRequest } from "@/lib/http/api-client";

interface SignUpResult {
  organization: { slug: string };
}

export function SignUpForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
    };
    setPending(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const { organization } = await apiRequest<SignUpResult>("/api/v1/accounts", { body: input });
      const signedIn = await signIn("credentials", { redirect: false, email: input.email, password: input.password });
      router.replace(signedIn?.ok ? `/o/${organization.slug}` : "/sign-in");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setFieldErrors(error.fieldErrors);
      else if (error instanceof ApiError && error.code === "CONFLICT") setFieldErrors({ email: error.message });
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? (
        <FormAlert>
          {formError}
        </FormAlert>
      ) : null}
      <Input label="Your name" name="name" autoComplete="name" required error={fieldErrors.name} autoFocus />
      <Input label="Work email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
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
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-link underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
