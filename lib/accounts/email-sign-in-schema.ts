import { z } from "zod";
import { SIGN_IN_LINK_TTL_MINUTES } from "./email-sign-in-email";
import { emailSchema } from "./schema";

export const requestSignInLinkSchema = z.strictObject({ email: emailSchema });

/** The same answer whether or not the email has an account: no account enumeration. */
export const SIGN_IN_LINK_REQUESTED = `If an account uses that email address, we sent it a sign-in link. The link expires in ${SIGN_IN_LINK_TTL_MINUTES} minutes.`;

export const requestSignInLinkResultSchema = z.object({ message: z.string() });
