import { z } from "zod";
import { VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";
import { orgNameSchema } from "@/lib/orgs/schema";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-policy";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(80, "A name has at most 80 characters.");

/** POST /api/v1/accounts: only the address; the rest is asked once the address is proven. */
export const signUpSchema = z.strictObject({ email: emailSchema });

/** The same answer whether or not the address has an account: no account enumeration (decision 0017). */
export const SIGN_UP_REQUESTED =
  "Check your inbox: we emailed that address a link to continue. If nothing arrives within a few minutes, look in your spam folder or try again.";

export const signUpRequestedSchema = z.object({ message: z.string() });

/** POST /api/v1/accounts/confirm: the emailed link's token, and the account's details. */
export const confirmSignUpSchema = z
  .strictObject({
    token: z
      .string()
      .min(1, "The sign-up link is incomplete; open it from the email again.")
      .max(VERIFICATION_TOKEN_MAX_LENGTH, "The sign-up link is malformed; open it from the email again."),
    name: personNameSchema,
    password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
    organizationName: orgNameSchema,
  })
  .superRefine(
    (input, ctx) => {
      // The rules that need no address; the service adds the one about the link's address.
      if (typeof input.password !== "string") return;
      const context = { name: typeof input.name === "string" ? input.name : undefined };
      for (const message of passwordProblems(input.password, context)) ctx.addIssue({ code: "custom", path: ["password"], message });
    },
    // Also when other fields failed, so one submission reports every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export const signUpResultSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});
