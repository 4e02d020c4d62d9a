import { defineEndpoint } from "@/lib/http/endpoint";
import { SIGN_UP_RATE_LIMITS } from "@/lib/security/limits";
import { signUpResultSchema, signUpSchema } from "./schema";

export const signUpEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/accounts",
  operationId: "signUp",
  summary: "Create an account",
  description: "Creates a password account and its first organization, owned by the new user. Sign in afterwards through next-auth (`/api/auth/callback/credentials`).",
  tags: ["Account"],
  auth: "public",
  body: signUpSchema,
  bodyLimitBytes: 8 * 1024,
  rateLimits: SIGN_UP_RATE_LIMITS,
  response: { status: 201, description: "The account and its organization.", schema: signUpResultSchema },
  errors: ["CONFLICT"],
});
