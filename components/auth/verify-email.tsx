"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { buttonStyles } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ApiError, apiRequest } from "@/lib/http/api-client";

type State = { kind: "pending" } | { kind: "verified"; email: string } | { kind: "failed"; message: string };

/**
 * Confirms the link's token once the page runs (a POST, so a mail scanner that
 * only fetches the URL verifies nothing). Needs no session.
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
    apiRequest<{ verified: true; email: string }>("/api/v1/email-verifications/confirm", { body: { token } })
      .then(({ email }) => setState({ kind: "verified", email }))
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
