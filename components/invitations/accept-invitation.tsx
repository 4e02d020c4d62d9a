"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { signOutHere } from "@/components/auth/sign-out";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

interface AcceptResult {
  organization: { slug: string };
}

function useAccept(token: string) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function accept(body: { name?: string; password?: string }, email?: string) {
    setPending(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const { organization }: AcceptResult = await callEndpoint(api.acceptInvitation, { params: { token }, body });
      if (email && body.password) {
        const signedIn = await signIn("credentials", { redirect: false, email, password: body.password });
        if (!signedIn?.ok) return router.replace(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${organization.slug}`)}`);
      }
      router.replace(`/o/${organization.slug}`);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setFieldErrors(error.fieldErrors);
      else setFormError(error instanceof ApiError ? error.message : "Something went wrong. Try again.");
      setPending(false);
    }
  }
  return { accept, fieldErrors, formError, pending };
}

/** Signed in as the invited address: one button. */
export function JoinButton({ token, organizationName }: { token: string; organizationName: string }) {
  const { accept, formError, pending } = useAccept(token);
  return (
    <div className="flex flex-col gap-4">
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Button onClick={() => void accept({})} loading={pending} autoFocus>
        Join {organizationName}
      </Button>
    </div>
  );
}

/** Signed out: create the account for the invited address, inline. */
export function AcceptSignUpForm({ token, email, organizationName }: { token: string; email: string; organizationName: string }) {
  const { accept, fieldErrors, formError, pending } = useAccept(token);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${encodeURIComponent(token)}`)}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void accept({ name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") }, email);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError ? (
        <FormAlert>
          {formError}{" "}
          {/already exists/.test(formError) ? (
            <Link href={signInHref} className="underline underline-offset-2">
              Sign in
            </Link>
          ) : null}
        </FormAlert>
      ) : null}
      <Input label="Email" name="email" type="email" value={email} readOnly hint="The invitation is for this address." />
      <Input label="Your name" name="name" autoComplete="name" required error={fieldErrors.name} autoFocus />
      <Input label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters. A few unrelated words work well." error={fieldErrors.password} />
      <Button type="submit" loading={pending}>
        Create account and join {organizationName}
      </Button>
      <p className="text-sm text-muted-foreground">
        I already have an account →{" "}
        <Link href={signInHref} className="text-link underline underline-offset-2">
          sign in
        </Link>
      </p>
    </form>
  );
}

/** Signed in as someone else: only the invited address may accept. */
export function SignOutAndRetry({ token }: { token: string }) {
  return (
    <Button variant="secondary" onClick={() => void signOutHere(`/invitations/${encodeURIComponent(token)}`)}>
      Sign out
    </Button>
  );
}
