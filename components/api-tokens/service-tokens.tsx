"use client";

import { useState } from "react";
import { grantableScopes } from "@/lib/api-tokens/scopes";
import { tokenSelectStyles } from "./token-form";
import { TokenManager } from "./token-manager";
import { serviceTokenCalls } from "./tokens-api";

const SERVICE_ROLES = [
  { role: "MEMBER", label: "Member" },
  { role: "MENTOR", label: "Mentor" },
  { role: "ADMIN", label: "Admin" },
] as const;

/** Organization settings (owners): tokens for integrations, each acting as a service member with its own role. */
export function ServiceTokens({ slug }: { slug: string }) {
  const [role, setRole] = useState<(typeof SERVICE_ROLES)[number]["role"]>("MEMBER");
  return (
    <TokenManager
      queryKey={["api-tokens", "service", slug]}
      calls={serviceTokenCalls(slug, role)}
      scopes={grantableScopes(role)}
      showRole
      extra={
        <div className="flex flex-col gap-1.5 sm:max-w-xs">
          <label htmlFor="service-token-role" className="text-sm font-medium">
            Role
          </label>
          <select id="service-token-role" className={tokenSelectStyles} value={role} onChange={(event) => setRole(event.target.value as typeof role)}>
            {SERVICE_ROLES.map((choice) => (
              <option key={choice.role} value={choice.role}>
                {choice.label}
              </option>
            ))}
          </select>
          <p className="text-sm text-muted-foreground">The token acts as a service member with this role; it is not listed among the people.</p>
        </div>
      }
    />
  );
}
