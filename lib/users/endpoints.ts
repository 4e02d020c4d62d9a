import { z } from "zod";
import { changePasswordResultSchema, changePasswordSchema } from "@/lib/accounts/change-password";
import { defineEndpoint } from "@/lib/http/endpoint";
import { CHANGE_PASSWORD_RATE_LIMITS } from "@/lib/security/limits";
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

export const changePasswordEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/password",
  operationId: "changePassword",
  summary: "Change your password",
  description: "Checks the current password, applies the password rules to the new one, and ends every session of the account (sign in again with the new password).",
  tags: ["Account"],
  auth: "session",
  body: changePasswordSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: CHANGE_PASSWORD_RATE_LIMITS,
  response: { status: 200, description: "The password is changed.", schema: changePasswordResultSchema },
  errors: ["CONFLICT"],
});
