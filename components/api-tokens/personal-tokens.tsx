"use client";

import { useState } from "react";
import { grantableScopes } from "@/lib/api-tokens/scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import { tokenSelectStyles } from "./token-form";
import { TokenManager } from "./token-manager";
import { personalTokenCalls } from "./tokens-api";

export interface TokenOrganization {
  slug: string;
  name: string;
  role: Role;
}

/** Account settings: the person's own tokens, each bound to one organization they are active in. */
export function PersonalTokens({ organizations }: { organizations: TokenOrganization[] }) {
  const [slug, setSlug] = useState(organizations[0]?.slug ?? "");
  const organization = organizations.find((candidate) => candidate.slug === slug) ?? organizations[0];
  return (
    <TokenManager
      queryKey={["api-tokens", "personal"]}
      calls={personalTokenCalls(organization?.slug)}
      scopes={organization ? grantableScopes(organization.role) : []}
      showOrganization
      blocked={organization ? undefined : "Join or create an organization to make a token: a token acts in one organization."}
      extra={
        <div className="flex flex-col gap-1.5 sm:max-w-xs">
          <label htmlFor="token-organization" className="text-sm font-medium">
            Organization
          </label>
          <select id="token-organization" className={tokenSelectStyles} value={organization?.slug ?? ""} onChange={(event) => setSlug(event.target.value)}>
            {organizations.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </select>
          <p className="text-sm text-muted-foreground">The token acts as you there, with your role at most.</p>
        </div>
      }
    />
  );
}
