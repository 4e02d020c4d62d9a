import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { meSchema } from "./schema";

export const getMeEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The signed-in user",
  description: "The caller and their organizations, with their role and permissions in each.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The signed-in user.", schema: meSchema },
});

export const revokeSessionsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/sessions/revoke",
  operationId: "revokeAllSessions",
  summary: "Sign out everywhere",
  description: "Ends every session of the signed-in user on every device, this one included.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "Every session is revoked.", schema: z.object({ revoked: z.literal(true) }) },
});
