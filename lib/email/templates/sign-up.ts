import { emailLayout, button, paragraph } from "../layout";
import { html, safeUrl } from "../html";
import type { EmailContent } from "../outgoing-email";

export interface FinishSignUpInput {
  confirmUrl: string;
  expiresInHours: number;
}

/**
 * To an address without an account, after someone asked to create one for it.
 * Carries nothing the requester typed but the address itself, so the form
 * cannot be used to put a stranger's words in a stranger's inbox.
 * Deterministic in its input (no clock reads), as Resend's idempotency key requires of retries.
 */
export function finishSignUpEmail({ confirmUrl, expiresInHours }: FinishSignUpInput): EmailContent {
  const subject = "Finish creating your Cairn account";
  const validity = `${expiresInHours} hour${expiresInHours === 1 ? "" : "s"}`;
  const ignore = "If you did not ask for a Cairn account, ignore this email: nothing is created without the link.";

  const body = html`${paragraph("Hi,")}
${paragraph("Someone (hopefully you) started creating a Cairn account with this email address. Open the link to choose your password and name your organization.")}
${button(confirmUrl, "Finish creating my account")}
${paragraph(`The link works once and expires ${validity} after it was sent.`)}
${paragraph(ignore)}`;

  const text = [
    "Hi,",
    "",
    "Someone (hopefully you) started creating a Cairn account with this email address. Open this link to choose your password and name your organization:",
    "",
    confirmUrl,
    "",
    `The link works once and expires ${validity} after it was sent.`,
    "",
    ignore,
    "",
    "— Cairn",
    "",
  ].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: "One more step: choose your password.", body, footer: "You received this email because someone asked to create a Cairn account with this address." }),
    text,
  };
}

export interface SignUpAttemptInput {
  /** The existing account's display name (escaped here). */
  name: string | null;
  signInUrl: string;
  resetUrl: string;
}

/**
 * To an address that already has an account, instead of a second account: the
 * sign-up form answers the same either way, so this is where its owner learns
 * what happened and how to get in.
 */
export function signUpAttemptEmail({ name, signInUrl, resetUrl }: SignUpAttemptInput): EmailContent {
  const greeting = name?.trim() ? `Hi ${name.trim()},` : "Hi,";
  const subject = "You already have a Cairn account";
  const ignore = "If it was not you, ignore this email: nothing was created or changed, and nobody can use your account without your password or your inbox.";

  const body = html`${paragraph(greeting)}
${paragraph("Someone tried to create a Cairn account with this email address, which already has one. If it was you, sign in instead, or choose a new password if you forgot it.")}
${button(signInUrl, "Sign in to Cairn")}
${paragraph(html`Forgot your password? <a href="${safeUrl(resetUrl)}" style="color:#0f766e;">Choose a new one</a>.`)}
${paragraph(ignore)}`;

  const text = [
    greeting,
    "",
    "Someone tried to create a Cairn account with this email address, which already has one. If it was you, sign in instead:",
    "",
    signInUrl,
    "",
    "Forgot your password? Choose a new one here:",
    "",
    resetUrl,
    "",
    ignore,
    "",
    "— Cairn",
    "",
  ].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: "Someone tried to sign up with your address.", body, footer: "You received this email because someone tried to create a Cairn account with this address." }),
    text,
  };
}
