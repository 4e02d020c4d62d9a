import { emailLayout, button, paragraph } from "../layout";
import { html } from "../html";
import type { EmailContent } from "../outgoing-email";

export interface PasswordResetEmailInput {
  /** The account's display name, as the user typed it (escaped here). */
  name: string | null;
  resetUrl: string;
  expiresInMinutes: number;
}

/**
 * Deterministic in its input (no clock reads): a retried job renders the same
 * bytes, which Resend's idempotency key requires.
 */
export function passwordResetEmail({ name, resetUrl, expiresInMinutes }: PasswordResetEmailInput): EmailContent {
  const greeting = name?.trim() ? `Hi ${name.trim()},` : "Hi,";
  const validity = expiresInMinutes % 60 === 0 ? `${expiresInMinutes / 60} hour${expiresInMinutes === 60 ? "" : "s"}` : `${expiresInMinutes} minutes`;
  const subject = "Reset your Cairn password";
  const ignore = "If you did not ask for this, ignore this email: your password stays as it is.";

  const body = html`${paragraph(greeting)}
${paragraph("Someone (hopefully you) asked to reset the password of your Cairn account. Choose a new one with the button below.")}
${button(resetUrl, "Choose a new password")}
${paragraph(`The link works once and expires ${validity} after it was requested. Resetting your password signs you out on every device.`)}
${paragraph(ignore)}`;

  const text = [
    greeting,
    "",
    "Someone (hopefully you) asked to reset the password of your Cairn account. Choose a new one here:",
    "",
    resetUrl,
    "",
    `The link works once and expires ${validity} after it was requested. Resetting your password signs you out on every device.`,
    "",
    ignore,
    "",
    "— Cairn",
    "",
  ].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: `Choose a new password. The link expires in ${validity}.`, body, footer: "You received this email because a password reset was requested for your Cairn account." }),
    text,
  };
}
