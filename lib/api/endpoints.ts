/**
 * Every endpoint of the HTTP API, for the OpenAPI document. A test checks that
 * each route file under app/api serves endpoints listed here, so a new route
 * cannot go undocumented.
 */
import { signUpEndpoint } from "@/lib/accounts/endpoints";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";
import { livenessEndpoint, readinessEndpoint } from "@/lib/observability/endpoints";
import { createOrganizationEndpoint, getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { getMeEndpoint } from "@/lib/users/endpoints";

export const API_ENDPOINTS: AnyEndpoint[] = [
  livenessEndpoint,
  readinessEndpoint,
  openApiEndpoint,
  signUpEndpoint,
  getMeEndpoint,
  createOrganizationEndpoint,
  getOrganizationEndpoint,
  renameOrganizationEndpoint,
] as AnyEndpoint[];
