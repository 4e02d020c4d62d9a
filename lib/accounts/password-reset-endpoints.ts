import { defineEndpoint } from "@/lib/http/endpoint";
import { PASSWORD_RESET_RATE_LIMITS } from "@/lib/security/limits";
import { confirmPasswordResetResultSchema, confirmPasswordResetSchema, requestPasswordResetResultSchema, requestPasswordResetSchema } from "./password-reset-schema";

export const requestPasswordResetEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/password-resets",
  operationId: "requestPasswordReset",
  summary: "Email a password reset link",
  description:
    "Emails a single-use link to choose a new password, valid for 1 hour, when the address belongs to an account. Answers 202 with the same message either way, so the answer does not reveal which addresses have accounts.",
  tags: ["Account"],
  auth: "public",
  body: requestPasswordResetSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: PASSWORD_RESET_RATE_LIMITS,
  response: { status: 202, description: "Accepted; an email is on its way if the address has an account.", schema: requestPasswordResetResultSchema },
});

export const confirmPasswordResetEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/password-resets/confirm",
  operationId: "confirmPasswordReset",
  summary: "Set a new password with a reset link's token",
  description:
    "Sets the password of the account the token was issued for, ends every session of that account, and uses up the token (and any other open reset link of the account). An unknown, expired or used token answers 400.",
  tags: ["Account"],
  auth: "public",
  body: confirmPasswordResetSchema,
  bodyLimitBytes: 4 * 1024,
  response: { status: 200, description: "The password is changed; sign in with it.", schema: confirmPasswordResetResultSchema },
  errors: ["BAD_REQUEST"],
});
