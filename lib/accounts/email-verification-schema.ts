import { z } from "zod";
import { VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";

export const confirmEmailVerificationSchema = z.strictObject({
  token: z
    .string()
    .min(1, "The verification link is incomplete; open it from the email again.")
    .max(VERIFICATION_TOKEN_MAX_LENGTH, "The verification link is malformed; open it from the email again."),
});

export const confirmEmailVerificationResultSchema = z.object({ verified: z.literal(true), email: z.string() });

export const resendEmailVerificationResultSchema = z.object({
  status: z.enum(["sent", "already_verified"]).meta({ description: "`sent`: a new link is on its way. `already_verified`: nothing to do." }),
  message: z.string(),
});
