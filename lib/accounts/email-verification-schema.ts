import { z } from "zod";
import { VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";

export const confirmEmailVerificationSchema = z.strictObject({
  token: z
    .string()
    .min(1, "The verification link is incomplete; open it from the email again.")
    .max(VERIFICATION_TOKEN_MAX_LENGTH, "The verification link is malformed; open it from the email again."),
});

export const confirmEmailVerificationResultSchema = z.object({
  verified: z.literal(true),
  email: z.string(),
  passwordRemoved: z.boolean().meta({
    description:
      "True when the account had a password set before its address was ever proven and the link was opened without a session of the account: the password was removed and every session ended. Sign in with an email link, or choose a password with a reset link.",
  }),
});

export const resendEmailVerificationResultSchema = z.object({
  status: z.enum(["sent", "already_verified"]).meta({ description: "`sent`: a new link is on its way. `already_verified`: nothing to do." }),
  message: z.string(),
});
