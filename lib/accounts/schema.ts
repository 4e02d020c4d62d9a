import { z } from "zod";
import { orgNameSchema } from "@/lib/orgs/schema";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-policy";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(80, "A name has at most 80 characters.");

export const signUpSchema = z
  .strictObject({
    name: personNameSchema,
    email: emailSchema,
    password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
    organizationName: orgNameSchema,
  })
  .superRefine(
    (input, ctx) => {
      if (typeof input.password !== "string") return;
      const context = { email: typeof input.email === "string" ? input.email : undefined, name: typeof input.name === "string" ? input.name : undefined };
      for (const message of passwordProblems(input.password, context)) ctx.addIssue({ code: "custom", path: ["password"], message });
    },
    // Also when other fields failed, so one submission reports every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export const signUpResultSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});
