"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/** The gentle "Verify your email" notice for an unverified account, with a resend button. */
export function VerifyEmailBanner({ email, buttonLabel = "Resend verification email" }: { email: string; buttonLabel?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);

  async function resend() {
    setPending(true);
    try {
      const result = await callEndpoint(api.resendEmailVerification);
      setMessage(result.message);
      setFailed(false);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Could not reach Cairn. Try again.");
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="verify-email" className="rounded-xl border border-border bg-surface-muted p-4 text-sm">
      <h2 id="verify-email" className="font-semibold">
        Verify your email
      </h2>
      <p className="mt-1 text-muted-foreground">
        Confirm that {email} is yours: we email you a link, and opening it verifies the address. Until then everything works except inviting people and
        joining an organization you are invited to, and this reminder stays.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" loading={pending} onClick={() => void resend()}>
          {buttonLabel}
        </Button>
        {message ? (
          <p role={failed ? "alert" : "status"} className={failed ? "text-danger" : "text-muted-foreground"}>
            {message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
