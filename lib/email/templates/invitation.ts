import { html } from "../html";
import { button, emailLayout, paragraph } from "../layout";
import type { EmailContent } from "../outgoing-email";

export interface InvitationEmailInput {
  organizationName: string;
  /** The inviter's display name as they typed it (escaped here); null when unknown. */
  inviterName: string | null;
  /** How the role reads, e.g. "New hire". */
  roleLabel: string;
  acceptUrl: string;
  expiresAt: Date;
}

/** "26 November 2026", in UTC: no clock or locale reads, so a retried job renders the same bytes. */
function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

export function invitationEmail({ organizationName, inviterName, roleLabel, acceptUrl, expiresAt }: InvitationEmailInput): EmailContent {
  const who = inviterName?.trim() || "Someone";
  const subject = `${who} invited you to ${organizationName} on Cairn`;
  const intro = `${who} invited you to join ${organizationName} on Cairn as ${/^[AEIOU]/i.test(roleLabel) ? "an" : "a"} ${roleLabel.toLowerCase()}.`;
  const validity = `The link works once and expires on ${formatDate(expiresAt)} (UTC).`;
  const ignore = "If you were not expecting this, ignore this email: nothing happens unless you accept.";

  const body = html`${paragraph("Hi,")}
${paragraph(intro)}
${button(acceptUrl, `Join ${organizationName}`)}
${paragraph(validity)}
${paragraph(ignore)}`;

  const text = ["Hi,", "", intro, "Accept the invitation here:", "", acceptUrl, "", validity, "", ignore, "", "— Cairn", ""].join("\n");

  return {
    subject,
    html: emailLayout({ title: subject, preheader: `Join ${organizationName} on Cairn.`, body, footer: "You received this email because someone invited this address to an organization on Cairn." }),
    text,
  };
}
