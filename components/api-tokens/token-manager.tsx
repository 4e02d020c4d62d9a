"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { CreatedToken } from "./created-token";
import { TokenForm } from "./token-form";
import type { TokenFormValues } from "./token-form";
import { TokenList } from "./token-list";
import type { TokenCalls } from "./tokens-api";
import type { CreatedApiToken } from "./types";

/**
 * The list, the create form and the secret shown once, for one collection of tokens
 * (a person's, or an organization's service tokens). `calls` adds the caller's own
 * fields to what the form collected; `extra` renders them.
 */
export function TokenManager({
  queryKey,
  calls,
  scopes,
  extra,
  showOrganization,
  showRole,
  blocked,
}: {
  queryKey: readonly unknown[];
  calls: TokenCalls;
  scopes: readonly string[];
  extra?: ReactNode;
  showOrganization?: boolean;
  showRole?: boolean;
  /** Why no token can be made here (no organization), instead of the form. */
  blocked?: string;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const tokens = useQuery({ queryKey, queryFn: () => calls.list() });
  const create = useMutation({
    mutationFn: (values: TokenFormValues) => calls.create(values),
    onSuccess: (token) => {
      setCreated(token);
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: calls.revoke,
    onSuccess: (_, token) => {
      toast({ tone: "success", title: `“${token.name}” revoked` });
      if (created?.id === token.id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  return (
    <div className="flex flex-col gap-5">
      {created ? <CreatedToken token={created.token} name={created.name} onDone={() => setCreated(null)} /> : null}
      {blocked ? (
        <p className="text-sm text-muted-foreground">{blocked}</p>
      ) : creating ? (
        <div className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <TokenForm scopes={scopes} extra={extra} submitting={create.isPending} error={create.error} onSubmit={(values) => create.mutate(values)} />
          <div>
            <Button variant="ghost" onClick={() => (setCreating(false), create.reset())}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button onClick={() => (setCreating(true), setCreated(null))}>New token</Button>
        </div>
      )}
      {tokens.isPending ? (
        <LoadingStatus block>Loading the tokens…</LoadingStatus>
      ) : tokens.isError ? (
        <LoadFailed what="tokens" message={tokens.error.message} onRetry={() => void tokens.refetch()} />
      ) : (
        <TokenList
          tokens={tokens.data.tokens}
          showOrganization={showOrganization}
          showRole={showRole}
          revoking={revoke.isPending}
          revokeError={revoke.error}
          onRevoke={(token, done) => revoke.mutate(token, { onSuccess: done })}
        />
      )}
    </div>
  );
}
