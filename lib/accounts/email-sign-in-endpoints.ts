import { defineEndpoint } from "@/lib/http/endpoint";
import { SIGN_IN_LINK_RATE_LIMITS } from "@/lib/security/limits";
import { requestSignInLinkResultSchema, requestSignInLinkSchema } from "./email-sign-in-schema";

export const requestSignInLinkEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/sign-in-links",
  operationId: "requestSignInLink",
  summary: "Email a sign-in link",
  description:
    "Emails a single-use link that signs in without a password, valid for 15 minutes, when the address belongs to an account (a link never creates one). Answers 202 with the same message either way. The link's page completes sign-in through next-auth's `email-link` provider (`/api/auth/callback/email-link` with the token).",
  tags: ["Account"],
  auth: "public",
  body: requestSignInLinkSchema,
  bodyLimitBytes: 4 * 1024,
  rateLimits: SIGN_IN_LINK_RATE_LIMITS,
  response: { status: 202, description: "Accepted; an email is on its way if the address has an account.", schema: requestSignInLinkResultSchema },
});
