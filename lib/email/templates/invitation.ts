import { html, safeUrl } from "../html";
import { button, emailLayout, paragraph } from "../layout";
import type { EmailContent } from "../outgoing-email";
import { emailDate } from "@/lib/time/format";

export interface InvitationEmailInput {
  /** The organization's name as its creator typed it: attacker-chosen text, shown quoted and clipped. */
  organizationName: string;
  /** The inviter's display name as they typed it (escaped here); null when unknown. */
  inviterName: string | null;
  /** How the role reads, e.g. "New hire". */
  roleLabel: string;
  acceptUrl: string;
  /** "I don’t know this organization": stops its invitations to this address (lib/invitations/block-token.ts). */
  blockUrl: string;
  expiresAt: Date;
}

/** How much of each name a subject line shows: enough to recognise, too little for a message. */
export const SUBJECT_NAME_MAX = 40;
/** Names in the body: the organization name's own limit (lib/orgs/schema.ts), for names made before it. */
export const BODY_NAME_MAX = 80;

// Control characters (a newline would start a header) and bidirectional overrides (they reorder
// what is shown, e.g. to disguise an address) have no place in a name shown in an email.
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A name as an email shows it: one line, no control or direction characters, at most `max` characters (… when clipped). */
export function displayName(name: string, max: number): string {
  const clean = name.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  const characters = Array.from(clean);
  return characters.length <= max ? clean : `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * The invitation. The organization's and the inviter's names are text someone
 * chose, possibly to phish: each is quoted or attributed, clipped (short in the
 * subject), and the email says that Cairn did not write them. Every invitation
 * carries the one-click way to stop that organization’s invitations.
 */
export function invitationEmail({ organizationName, inviterName, roleLabel, acceptUrl, blockUrl, expiresAt }: InvitationEmailInput): EmailContent {
  const who = displayName(inviterName ?? "", SUBJECT_NAME_MAX) || "Someone";
  const quoted = `“${displayName(organizationName, BODY_NAME_MAX)}”`;
  const subject = `${who} invited you to “${displayName(organizationName, SUBJECT_NAME_MAX)}” on Cairn`;
  const intro = `${displayName(inviterName ?? "", BODY_NAME_MAX) || "Someone"} invited you to join the organization ${quoted} on Cairn as ${/^[AEIOU]/i.test(roleLabel) ? "an" : "a"} ${roleLabel.toLowerCase()}.`;
  const names = "The names above were typed by the person who invited you, not by Cairn. Cairn never asks for passwords, payment or bank details by email.";
  // "26 November 2026", in UTC (lib/time/format.ts): no clock or locale reads, so a retried job renders the same bytes.
  const validity = `The link works once and expires on ${emailDate(expiresAt)} (UTC).`;
  const ignore = "If you were not expecting this, ignore this email: nothing happens unless you accept.";
  const block = "Don’t know this organization? One click stops its invitations to this address (no account needed):";

  const body = html`${paragraph("Hi,")}
${paragraph(intro)}
${button(acceptUrl, "Accept the invitation")}
${paragraph(validity)}
${paragraph(names)}
${paragraph(ignore)}
${paragraph(html`Don’t know this organization? <a href="${safeUrl(blockUrl)}" style="color:#0f766e;">I don’t know this organization</a>: one click stops its invitations to this address, no account needed.`)}`;

  const text = ["Hi,", "", intro, "Accept the invitation here:", "", acceptUrl, "", validity, "", names, "", ignore, "", block, "", blockUrl, "", "— Cairn", ""].join("\n");

  return {
    subject,
    html: emailLayout({
      title: "You are invited to an organization on Cairn",
      preheader: `${who} invited you to “${displayName(organizationName, SUBJECT_NAME_MAX)}” on Cairn.`,
      body,
      footer: "You received this email because someone invited this address to an organization on Cairn. Use the “I don’t know this organization” link above to stop that organization’s invitations.",
    }),
    text,
  };
}
