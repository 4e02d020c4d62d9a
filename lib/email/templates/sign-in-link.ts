import { emailLayout, button, paragraph } from "../layout";
import { html } from "../html";
import type { EmailContent } from "../outgoing-email";

export interface SignInLinkInput {
  name: string | null;
  signInUrl: string;
  expiresInMinutes: number;
}

/** Deterministic in its input (no clock reads), as Resend's idempotency key requires of retries. */
export function signInLinkEmail({ name, signInUrl, expiresInMinutes }: SignInLinkInput): EmailContent {
  const greeting = name?.trim() ? `Hi ${name.trim()},` : "Hi,";
  const subject = "Your Cairn sign-in link";
  const ignore = "If you did not ask for this, ignore this email: nobody can sign in without the link.";

  const body = html`${paragraph(greeting)}
${paragraph("Here is the link you asked for to sign in to Cairn without a password.")}
${button(signInUrl, "Sign in to Cairn")}
${paragraph(`The link works once and expires ${expiresInMinutes} minutes after it was requested.`)}
${paragraph(ignore)}`;

  const text = [greeting, "", "Sign in to Cairn with this link:", "", signInUrl, "", `The link works once and expires ${expiresInMinutes} minutes after it was requested.`, "", ignore, "", "— Cairn", ""].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: `Sign in to Cairn. The link expires in ${expiresInMinutes} minutes.`, body, footer: "You received this email because a sign-in link was requested for your Cairn account." }),
    text,
  };
}
