import { z } from "zod";
import { changePasswordResultSchema, changePasswordSchema } from "@/lib/accounts/change-password";
import { defineEndpoint } from "@/lib/http/endpoint";
import { CHANGE_PASSWORD_RATE_LIMITS } from "@/lib/security/limits";
import { emailPreferencesSchema, updateEmailPreferencesSchema } from "./email-preferences";
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
  description: "Ends every session of the signed-in user on every device, this one included, and closes their live-update sockets.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "Every session is revoked.", schema: z.object({ revoked: z.literal(true) }) },
});

export const changePasswordEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/password",
  operationId: "changePassword",
  summary: "Change your password",
  description: "Checks the current password, applies the password rules to the new one, and ends every session of the account, closing their live-update sockets (sign in again with the new password).",
  tags: ["Account"],
  auth: "session",
  body: changePasswordSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: CHANGE_PASSWORD_RATE_LIMITS,
  response: { status: 200, description: "The password is changed.", schema: changePasswordResultSchema },
  errors: ["CONFLICT"],
});

export const getEmailPreferencesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/email-preferences",
  operationId: "getEmailPreferences",
  summary: "Which emails I get",
  description: "Each kind of email can be turned off; in-app notifications always arrive.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The caller's email preferences.", schema: emailPreferencesSchema },
});

export const updateEmailPreferencesEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/me/email-preferences",
  operationId: "updateEmailPreferences",
  summary: "Turn kinds of email on or off",
  description: "Only the kinds sent change. A batched or daily email already waiting checks the preference again before it goes.",
  tags: ["Account"],
  auth: "session",
  body: updateEmailPreferencesSchema,
  response: { status: 200, description: "The caller's email preferences now.", schema: emailPreferencesSchema },
});
