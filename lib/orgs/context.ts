/**
 * Who acts, and in which organization: what every organization-scoped service takes
 * first. Nothing in it is HTTP: the API gate (lib/http/handle.ts) builds one per request
 * (its handlers also get the request id), a page builds one with `pageOrgContext`
 * (lib/orgs/org-page.ts), so pages call the same services without faking a request.
 */
import type { RequestToken } from "@/lib/api-tokens/request-token";
import type { SessionUser } from "@/lib/auth/session";
import { getLogger } from "@/lib/observability/logger";
import type { Logger } from "@/lib/observability/logger";
import type { OrgScope } from "./membership";

export interface OrgContext extends OrgScope {
  user: SessionUser;
  /** Lines a service logs carry who and where (the gate's also carry the request id). */
  log: Logger;
  /** The API token the request authenticated with (decision 0032); absent for a session cookie and on pages. */
  apiToken?: RequestToken;
}

/** The context of a signed-in, active member on a page (pages never act with a token). */
export function pageOrgContext(access: OrgScope & { user: SessionUser }): OrgContext {
  const { user, organization, membership } = access;
  return { user, organization, membership, log: getLogger().child({ orgId: organization.id, userId: user.id }) };
}
