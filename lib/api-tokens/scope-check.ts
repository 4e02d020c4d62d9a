import type { Role } from "@/lib/generated/prisma/enums";
import { invalidInput } from "@/lib/http/errors";
import { grantableScopes } from "./scopes";

/** 422 naming the first scope the role does not have: a token is made within its member's role. */
export function assertScopesWithinRole(scopes: readonly string[], role: Role): void {
  const allowed: readonly string[] = grantableScopes(role);
  const index = scopes.findIndex((scope) => !allowed.includes(scope));
  if (index >= 0) throw invalidInput(`body.scopes.${index}`, `The ${role.toLowerCase()} role does not have the ${scopes[index]} permission.`);
}
