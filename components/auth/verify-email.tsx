"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { buttonStyles } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

type State = { kind: "pending" } | { kind: "verified"; email: string; passwordRemoved: boolean } | { kind: "failed"; message: string };

/**
 * Confirms the link's token once the page runs (a POST, so a mail scanner that
 * only fetches the URL verifies nothing). Needs no session; the browser's
 * session, when it has one of this account, is sent along and keeps the
 * account's password (see lib/accounts/email-verification.ts).
 */
export function VerifyEmail({ token }: { token: string }) {
  const [state, setState] = useState<State>(() =>
    token ? { kind: "pending" } : { kind: "failed", message: "The verification link is incomplete; open it from the email again." },
  );
  const sent = useRef(false);

  useEffect(() => {
    // Once per page: React's development double effects must not spend the single-use token twice.
    if (sent.current || !token) return;
    sent.current = true;
    callEndpoint(api.confirmEmailVerification, { body: { token } })
      .then(({ email, passwordRemoved }) => setState({ kind: "verified", email, passwordRemoved }))
      .catch((error: unknown) => setState({ kind: "failed", message: error instanceof ApiError ? error.message : "Could not reach Cairn. Reload the page to try again." }));
  }, [token]);

  if (state.kind === "pending") {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        Verifying…
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert>{state.message}</FormAlert>
        <Link href="/account" className={buttonStyles({ variant: "secondary", className: "w-full" })}>
          Go to your account
        </Link>
      </div>
    );
  }
  if (state.passwordRemoved) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
          {state.email} is verified. This account had a password that was set before anyone proved they own this address, so we removed it and signed
          the account out everywhere: only someone with access to this inbox can get in now.
        </p>
        <p className="text-sm text-muted-foreground">To use the account, sign in with an email link, or choose a new password.</p>
        <Link href="/sign-in" className={buttonStyles({ className: "w-full" })}>
          Sign in with an email link
        </Link>
        <Link href="/forgot-password" className={buttonStyles({ variant: "secondary", className: "w-full" })}>
          Choose a password
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
        Thanks: {state.email} is verified.
      </p>
      <Link href="/o" className={buttonStyles({ className: "w-full" })}>
        Continue to Cairn
      </Link>
    </div>
  );
}
