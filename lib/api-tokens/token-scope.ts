/**
 * A token's scopes bound what it may do beyond the gate's one permission: where a
 * service checks a further permission of the caller's role (removing someone else
 * needs member.remove, touching an owner member.grantOwner), a token request must
 * also have been given that scope. A cookie request is bound by its role alone.
 */
import type { Permission } from "@/lib/authz/policy";
import { forbidden } from "@/lib/http/errors";
import type { RequestToken } from "./request-token";

export function assertTokenScope(ctx: { apiToken?: RequestToken }, permission: Permission): void {
  if (ctx.apiToken && !ctx.apiToken.scopes.includes(permission)) throw forbidden(`This API token does not have the ${permission} scope.`);
}
