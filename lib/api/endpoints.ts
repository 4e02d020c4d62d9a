/**
 * Every endpoint of the HTTP API, for the OpenAPI document. A test checks that
 * each route file under app/api serves endpoints listed here, so a new route
 * cannot go undocumented.
 */
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";
import { livenessEndpoint, readinessEndpoint } from "@/lib/observability/endpoints";
import { getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { getMeEndpoint } from "@/lib/users/endpoints";

export const API_ENDPOINTS: AnyEndpoint[] = [
  livenessEndpoint,
  readinessEndpoint,
  openApiEndpoint,
  getMeEndpoint,
  getOrganizationEndpoint,
  renameOrganizationEndpoint,
] as AnyEndpoint[];
