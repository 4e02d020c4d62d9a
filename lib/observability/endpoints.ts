import { defineEndpoint } from "@/lib/http/endpoint";
import { livenessSchema, readinessSchema } from "./schema";

export const livenessEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/health/live",
  operationId: "getLiveness",
  summary: "Liveness",
  description: "200 while the process is up. Touches nothing else, so it never fails because a dependency did.",
  tags: ["Health"],
  auth: "public",
  response: { status: 200, description: "The process is up.", schema: livenessSchema },
});

export const readinessEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/health/ready",
  operationId: "getReadiness",
  summary: "Readiness",
  description: "200 when the database answers within READINESS_TIMEOUT_MS; otherwise 503 (SERVICE_UNAVAILABLE) with the failing check in `details`.",
  tags: ["Health"],
  auth: "public",
  response: { status: 200, description: "Ready to serve.", schema: readinessSchema },
  errors: ["SERVICE_UNAVAILABLE"],
});
