import { emailLayout, button, paragraph } from "../layout";
import { html } from "../html";
import type { EmailContent } from "../outgoing-email";

export interface VerifyEmailInput {
  /** The account's display name, as the user typed it (escaped here). */
  name: string | null;
  verifyUrl: string;
  expiresInHours: number;
}

/** Deterministic in its input (no clock reads), as Resend's idempotency key requires of retries. */
export function verifyEmailEmail({ name, verifyUrl, expiresInHours }: VerifyEmailInput): EmailContent {
  const greeting = name?.trim() ? `Hi ${name.trim()},` : "Hi,";
  const subject = "Verify your email for Cairn";
  const validity = `${expiresInHours} hour${expiresInHours === 1 ? "" : "s"}`;
  const ignore = "If you did not create a Cairn account, ignore this email: nothing happens without the link.";

  const body = html`${paragraph(greeting)}
${paragraph("Confirm that this address is yours so your team can reach you and you can sign in with an email link.")}
${button(verifyUrl, "Verify my email")}
${paragraph(`The link works once and expires ${validity} after it was sent.`)}
${paragraph(ignore)}`;

  const text = [greeting, "", "Confirm that this address is yours by opening this link:", "", verifyUrl, "", `The link works once and expires ${validity} after it was sent.`, "", ignore, "", "— Cairn", ""].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: "Confirm your email address for Cairn.", body, footer: "You received this email because this address was used for a Cairn account." }),
    text,
  };
}
