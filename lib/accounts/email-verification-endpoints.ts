import { defineEndpoint } from "@/lib/http/endpoint";
import { EMAIL_VERIFICATION_RATE_LIMITS } from "@/lib/security/limits";
import { confirmEmailVerificationResultSchema, confirmEmailVerificationSchema, resendEmailVerificationResultSchema } from "./email-verification-schema";

export const resendEmailVerificationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/email-verifications",
  operationId: "resendEmailVerification",
  summary: "Email another verification link",
  description:
    "Emails the signed-in user a new single-use link to verify their email address, valid for 24 hours. Earlier links keep working until they expire. Answers `already_verified` (and sends nothing) once the address is verified.",
  tags: ["Account"],
  auth: "session",
  rateLimits: EMAIL_VERIFICATION_RATE_LIMITS,
  response: { status: 202, description: "A link is on its way, or the address is already verified.", schema: resendEmailVerificationResultSchema },
});

export const confirmEmailVerificationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/email-verifications/confirm",
  operationId: "confirmEmailVerification",
  summary: "Verify an email address with a link's token",
  description:
    "Marks the email address of the account the token was issued for as verified and uses up every open verification link of that account. Needs no session: the token is the proof. Opened with a session of that account, nothing else changes; opened without one, the first verification also removes a password set before the address was proven and ends every session of the account (`passwordRemoved`), so that whoever set it without owning the inbox keeps nothing. An unknown, expired or used token answers 400.",
  tags: ["Account"],
  auth: "public",
  body: confirmEmailVerificationSchema,
  bodyLimitBytes: 4 * 1024,
  response: { status: 200, description: "The address is verified.", schema: confirmEmailVerificationResultSchema },
  errors: ["BAD_REQUEST"],
});
