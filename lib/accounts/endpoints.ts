import { defineEndpoint } from "@/lib/http/endpoint";
import { SIGN_UP_CONFIRM_RATE_LIMITS, SIGN_UP_RATE_LIMITS } from "@/lib/security/limits";
import { confirmSignUpSchema, signUpRequestedSchema, signUpResultSchema, signUpSchema } from "./schema";

export const signUpEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/accounts",
  operationId: "signUp",
  summary: "Start creating an account",
  description:
    "Emails the address a single-use link, valid for 24 hours, to finish creating the account (`POST /api/v1/accounts/confirm`). When the address already has an account, nothing is created and its owner is emailed instead (sign in, or reset the password). Answers 202 with the same body either way, so the answer does not reveal which addresses have accounts.",
  tags: ["Account"],
  auth: "public",
  body: signUpSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: SIGN_UP_RATE_LIMITS,
  response: { status: 202, description: "Accepted; an email is on its way to the address.", schema: signUpRequestedSchema },
});

export const confirmSignUpEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/accounts/confirm",
  operationId: "confirmSignUp",
  summary: "Finish creating an account with a sign-up link's token",
  description:
    "Creates the account for the address the token was issued for (verified: the link proves the mailbox), its first organization and the owner membership, and uses the token up. Sign in afterwards through next-auth (`/api/auth/callback/credentials`). An unknown, expired or used token answers 400; an address that has an account by now answers 409. Records organization.created and member.joined.",
  tags: ["Account"],
  auth: "public",
  body: confirmSignUpSchema,
  bodyLimitBytes: 8 * 1024,
  rateLimits: SIGN_UP_CONFIRM_RATE_LIMITS,
  response: { status: 201, description: "The account and its organization.", schema: signUpResultSchema },
  errors: ["BAD_REQUEST", "CONFLICT"],
});
