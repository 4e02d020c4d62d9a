import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-policy";
import { emailSchema } from "./schema";

export const requestPasswordResetSchema = z.strictObject({ email: emailSchema });

/** The same answer whether or not the email has an account: no account enumeration. */
export const PASSWORD_RESET_REQUESTED =
  "If an account uses that email address, we sent it a link to choose a new password. The link expires in 1 hour.";

export const requestPasswordResetResultSchema = z.object({ message: z.string() });

export const confirmPasswordResetSchema = z
  .strictObject({
    token: z.string().min(1, "The reset link is incomplete; open it from the email again.").max(200, "The reset link is malformed; open it from the email again."),
    password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .superRefine(
    (input, ctx) => {
      // The rules that need no account; the service adds the ones about the user's email and name.
      if (typeof input.password !== "string") return;
      for (const message of passwordProblems(input.password)) ctx.addIssue({ code: "custom", path: ["password"], message });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export const confirmPasswordResetResultSchema = z.object({ passwordChanged: z.literal(true) });
