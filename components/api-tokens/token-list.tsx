"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { ApiError } from "@/lib/http/api-client";
import type { ApiToken } from "./types";
import { Time } from "@/components/ui/time";
import { formatDate } from "@/lib/time/format";

function expiryText(expiresAt: string | null, now: number): string {
  if (!expiresAt) return "Never";
  const at = Date.parse(expiresAt);
  return at <= now ? `Expired ${formatDate(at)}` : formatDate(at);
}

/** The tokens as a table: name, prefix, scopes, dates; Revoke asks first. */
export function TokenList({
  tokens,
  showOrganization,
  showRole,
  revoking,
  onRevoke,
  revokeError,
}: {
  tokens: ApiToken[];
  showOrganization?: boolean;
  showRole?: boolean;
  revoking: boolean;
  onRevoke: (token: ApiToken, done: () => void) => void;
  revokeError: unknown;
}) {
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  // When the list was first drawn: "Expired" is as of then (the list is fetched again after every change).
  const [now] = useState(() => Date.now());
  if (tokens.length === 0) return <p className="text-sm text-muted-foreground">No tokens yet.</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Tokens</caption>
          <thead className="text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3 font-medium">Name</th>
              {showOrganization ? <th scope="col" className="py-2 pr-3 font-medium">Organization</th> : null}
              {showRole ? <th scope="col" className="py-2 pr-3 font-medium">Role</th> : null}
              <th scope="col" className="py-2 pr-3 font-medium">Scopes</th>
              <th scope="col" className="py-2 pr-3 font-medium">Created</th>
              <th scope="col" className="py-2 pr-3 font-medium">Expires</th>
              <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-border align-top last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {token.name}
                  <span className="block font-mono text-xs font-normal text-muted-foreground">{token.prefix}…</span>
                </th>
                {showOrganization ? <td className="py-2 pr-3">{token.organization.name}</td> : null}
                {showRole ? <td className="py-2 pr-3">{token.role.charAt(0) + token.role.slice(1).toLowerCase()}</td> : null}
                <td className="py-2 pr-3 font-mono text-xs">{token.scopes.join(", ")}</td>
                <td className="py-2 pr-3 whitespace-nowrap"><Time value={token.createdAt} /></td>
                <td className="py-2 pr-3 whitespace-nowrap">{expiryText(token.expiresAt, now)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{token.lastUsedAt ? <Time value={token.lastUsedAt} format="dateTime" relative /> : "Never"}</td>
                <td className="py-2 text-right">
                  <Button variant="danger" size="sm" onClick={() => setConfirming(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={`Revoke “${confirming?.name ?? ""}”?`}
        description="Anything using this token stops working at once. This cannot be undone."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={revoking} onClick={() => confirming && onRevoke(confirming, () => setConfirming(null))}>
              Revoke token
            </Button>
          </>
        }
      >
        {revokeError ? <FormAlert>{revokeError instanceof ApiError ? revokeError.message : "The token was not revoked. Try again."}</FormAlert> : null}
      </Dialog>
    </>
  );
}
