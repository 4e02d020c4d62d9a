/**
 * Every endpoint of the HTTP API, for the OpenAPI document. A test checks that
 * each route file under app/api serves endpoints listed here, so a new route
 * cannot go undocumented.
 */
import { signUpEndpoint } from "@/lib/accounts/endpoints";
import { confirmPasswordResetEndpoint, requestPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";
import { listMembersEndpoint, removeMemberEndpoint, updateMemberEndpoint } from "@/lib/members/endpoints";
import { livenessEndpoint, readinessEndpoint } from "@/lib/observability/endpoints";
import { createOrganizationEndpoint, getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { getMeEndpoint, revokeSessionsEndpoint } from "@/lib/users/endpoints";

export const API_ENDPOINTS: AnyEndpoint[] = [
  livenessEndpoint,
  readinessEndpoint,
  openApiEndpoint,
  signUpEndpoint,
  requestPasswordResetEndpoint,
  confirmPasswordResetEndpoint,
  getMeEndpoint,
  revokeSessionsEndpoint,
  createOrganizationEndpoint,
  getOrganizationEndpoint,
  renameOrganizationEndpoint,
  listMembersEndpoint,
  updateMemberEndpoint,
  removeMemberEndpoint,
] as AnyEndpoint[];
