"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { describeWait } from "@/lib/security/describe-wait";
import { signInRetryAfterSeconds } from "@/lib/security/sign-in-error";

/** Completes a passwordless sign-in: next-auth's "email-link" provider uses the token up. */
export function EmailLinkSignIn({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function complete() {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("email-link", { token, redirect: false });
      if (!result || result.error) {
        const wait = signInRetryAfterSeconds(result?.error);
        setError(wait !== null ? `Too many sign-in attempts. Try again in ${describeWait(wait)}.` : "This link has expired or was already used. Ask for a new one from the sign-in page.");
        return;
      }
      router.replace("/o");
      router.refresh();
    } catch {
      setError("Could not reach Cairn. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button onClick={() => void complete()} loading={pending}>
        Continue to Cairn
      </Button>
    </div>
  );
}
