/** The token endpoints as the two token pages call them (token-manager.tsx is shared by both). */
import { callEndpoint } from "@/lib/api/client";
import type { EndpointBody } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { TokenFormValues } from "./token-form";
import type { ApiToken, CreatedApiToken } from "./types";

/** One collection of tokens: list it, add one, revoke one. */
export interface TokenCalls {
  list: () => Promise<{ tokens: ApiToken[] }>;
  create: (values: TokenFormValues) => Promise<CreatedApiToken>;
  revoke: (token: ApiToken) => Promise<unknown>;
}

type Scopes = EndpointBody<typeof api.createPersonalToken>["scopes"];

/** The person's own tokens; `orgSlug` is the organization the new token acts in. */
export const personalTokenCalls = (orgSlug: string | undefined): TokenCalls => ({
  list: () => callEndpoint(api.listPersonalTokens),
  // The form offers only grantable scopes, and is not shown without an organization.
  create: (values) => callEndpoint(api.createPersonalToken, { body: { ...values, scopes: values.scopes as Scopes, orgSlug: orgSlug ?? "" } }),
  revoke: (token) => callEndpoint(api.revokePersonalToken, { params: { tokenId: token.id } }),
});

/** An organization's service tokens, each made with the chosen role. */
export const serviceTokenCalls = (slug: string, role: EndpointBody<typeof api.createServiceToken>["role"]): TokenCalls => ({
  list: () => callEndpoint(api.listServiceTokens, { params: { orgSlug: slug } }),
  create: (values) => callEndpoint(api.createServiceToken, { params: { orgSlug: slug }, body: { ...values, scopes: values.scopes as Scopes, role } }),
  revoke: (token) => callEndpoint(api.revokeServiceToken, { params: { orgSlug: slug, tokenId: token.id } }),
});
