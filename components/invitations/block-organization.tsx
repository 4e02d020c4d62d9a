"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/**
 * The one button of the "I don't know this organization" page. The page only
 * shows what the link would do (mail scanners open links); this POST does it.
 */
export function BlockOrganizationButton({ token, organizationName, email }: { token: string; organizationName: string; email: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function block() {
    setPending(true);
    setError(null);
    try {
      await callEndpoint(api.blockInvitations, { body: { token } });
      setDone(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Could not reach Cairn. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <p role="status" className="text-sm">
        Done. “{organizationName}” can no longer invite {email}, and its pending invitation was withdrawn. You do not need to do anything else.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button onClick={() => void block()} loading={pending}>
        I don’t know this organization
      </Button>
    </div>
  );
}
