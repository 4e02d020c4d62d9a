/**
 * Managing API tokens (decision 0032). None of these accepts a token: only the person
 * at the browser makes, lists or revokes credentials (account endpoints never accept
 * tokens; the service-token endpoints say `tokens: false`).
 */
import { defineEndpoint } from "@/lib/http/endpoint";
import { CREATE_TOKEN_RATE_LIMITS } from "@/lib/security/limits";
import {
  apiTokenListSchema,
  createdApiTokenSchema,
  createPersonalTokenSchema,
  createServiceTokenSchema,
  revokedApiTokenSchema,
  serviceTokenParamsSchema,
  serviceTokensParamsSchema,
  tokenIdParamsSchema,
} from "./schema";

const USE = "Send it as `Authorization: Bearer <token>` to the organization's endpoints that list the `apiToken` scheme; it acts only in its organization, with its scopes, and never beyond its member's role at the time of the request.";

export const listPersonalTokensEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/tokens",
  operationId: "listPersonalTokens",
  summary: "List your API tokens",
  description: "Your personal tokens in every organization, newest first, with their scopes, expiry and last use (never the secret).",
  tags: ["API tokens"],
  auth: "session",
  response: { status: 200, description: "Your tokens.", schema: apiTokenListSchema },
});

export const createPersonalTokenEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/tokens",
  operationId: "createPersonalToken",
  summary: "Create a personal API token",
  description: `A token that acts as you in one organization you are an active member of, with scopes your role has (422 naming a scope it does not). The answer holds the secret (\`cairn_pat_…\`) this once. ${USE} Records api_token.created.`,
  tags: ["API tokens"],
  auth: "session",
  body: createPersonalTokenSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: CREATE_TOKEN_RATE_LIMITS,
  response: { status: 201, description: "The token, with its secret shown once.", schema: createdApiTokenSchema },
  errors: ["CONFLICT"],
});

export const revokePersonalTokenEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/me/tokens/{tokenId}",
  operationId: "revokePersonalToken",
  summary: "Revoke a personal API token",
  description: "The token stops working at once. Records api_token.revoked.",
  tags: ["API tokens"],
  auth: "session",
  params: tokenIdParamsSchema,
  response: { status: 200, description: "The token is revoked.", schema: revokedApiTokenSchema },
});

export const listServiceTokensEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/service-tokens",
  operationId: "listServiceTokens",
  summary: "List service tokens",
  description: "Owners. The organization's service tokens, newest first, each with its service member's role, scopes, expiry and last use.",
  tags: ["API tokens"],
  auth: "session",
  permission: "token.manage",
  tokens: false,
  params: serviceTokensParamsSchema,
  response: { status: 200, description: "The service tokens.", schema: apiTokenListSchema },
});

export const createServiceTokenEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/service-tokens",
  operationId: "createServiceToken",
  summary: "Create a service token",
  description: `Owners. A token for an integration, acting as a service member of its own with the chosen role (admin, mentor or member; not listed among the members) and scopes that role has. The audit log names the token as the actor. The answer holds the secret (\`cairn_sat_…\`) this once. ${USE} Records api_token.created.`,
  tags: ["API tokens"],
  auth: "session",
  permission: "token.manage",
  tokens: false,
  params: serviceTokensParamsSchema,
  body: createServiceTokenSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: CREATE_TOKEN_RATE_LIMITS,
  response: { status: 201, description: "The token, with its secret shown once.", schema: createdApiTokenSchema },
  errors: ["CONFLICT"],
});

export const revokeServiceTokenEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/service-tokens/{tokenId}",
  operationId: "revokeServiceToken",
  summary: "Revoke a service token",
  description: "Owners. The token stops working at once and its service member is removed. Records api_token.revoked.",
  tags: ["API tokens"],
  auth: "session",
  permission: "token.manage",
  tokens: false,
  params: serviceTokenParamsSchema,
  response: { status: 200, description: "The token is revoked.", schema: revokedApiTokenSchema },
});
