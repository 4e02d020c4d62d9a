/**
 * The reminder and nudge emails (lib/reminders, decision 0029): a track
 * assigned (to the hire, with mentors, due day and first items; to each
 * mentor), due soon, overdue, stuck, a nudge, and the managers' weekly summary.
 * Deterministic in their input, so a retried job renders the same bytes.
 */
import { html } from "../html";
import { button, emailLayout, paragraph } from "../layout";
import type { EmailContent } from "../outgoing-email";

const FOOTER = "You receive this because of your role in an onboarding on Cairn. Turn this kind of email off on your account page.";

function simpleEmail(subject: string, lines: string[], link: { url: string; label: string }, quote?: string): EmailContent {
  const body = html`${paragraph("Hi,")}
${lines.map((line) => paragraph(line))}
${quote ? html`<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d4d4d8;color:#3f3f46;white-space:pre-wrap;">${quote}</blockquote>` : ""}
${button(link.url, link.label)}`;
  const text = ["Hi,", "", ...lines.flatMap((line) => [line, ""]), ...(quote ? [quote, ""] : []), `${link.label}: ${link.url}`, "", "— Cairn", ""].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: lines[0] ?? subject, body, footer: FOOTER }), text };
}

const dueLine = (dueDate: string | null) => (dueDate ? `It is due on ${dueDate}.` : "It has no due date.");

export function assignedToHireEmail(input: { organizationName: string; trackTitle: string; assignerName: string; mentorNames: string[]; dueDate: string | null; firstItems: string[]; url: string }): EmailContent {
  const mentors = input.mentorNames.length === 0 ? "No mentor is set yet." : `Your ${input.mentorNames.length === 1 ? "mentor is" : "mentors are"} ${input.mentorNames.join(", ")}.`;
  const first = input.firstItems.length === 0 ? [] : [`Start with: ${input.firstItems.map((title) => `“${title}”`).join(", ")}.`];
  return simpleEmail(
    `You were assigned “${input.trackTitle}”`,
    [`${input.assignerName} assigned you the track “${input.trackTitle}” in ${input.organizationName}.`, mentors, dueLine(input.dueDate), ...first],
    { url: input.url, label: "Open your roadmap" },
  );
}

export function assignedToMentorEmail(input: { organizationName: string; trackTitle: string; hireName: string; assignerName: string; dueDate: string | null; url: string }): EmailContent {
  return simpleEmail(
    `You mentor ${input.hireName} on “${input.trackTitle}”`,
    [`${input.assignerName} assigned ${input.hireName} the track “${input.trackTitle}” in ${input.organizationName}, with you as a mentor.`, dueLine(input.dueDate)],
    { url: input.url, label: "Open the assignment" },
  );
}

export interface ReminderEmailInput {
  forHire: boolean;
  hireName: string;
  trackTitle: string;
  dueDate: string | null;
  url: string;
}

const whose = (input: ReminderEmailInput) => (input.forHire ? "Your" : `${input.hireName}’s`);

export function dueSoonEmail(input: ReminderEmailInput & { daysLeft: number }): EmailContent {
  const when = input.daysLeft <= 0 ? "today" : input.daysLeft === 1 ? "tomorrow" : `in ${input.daysLeft} days`;
  return simpleEmail(`${whose(input)} track “${input.trackTitle}” is due ${when}`, [`${whose(input)} track “${input.trackTitle}” is due ${when} (${input.dueDate}).`], {
    url: input.url,
    label: input.forHire ? "Open your roadmap" : "Open the assignment",
  });
}

export function overdueEmail(input: ReminderEmailInput & { daysLate: number }): EmailContent {
  const late = `${input.daysLate} ${input.daysLate === 1 ? "day" : "days"}`;
  return simpleEmail(`${whose(input)} track “${input.trackTitle}” is overdue`, [`${whose(input)} track “${input.trackTitle}” was due on ${input.dueDate}, ${late} ago.`, input.forHire ? "Talk to your mentor or manager if the date needs to move." : "A word from you may help."], {
    url: input.url,
    label: input.forHire ? "Open your roadmap" : "Open the assignment",
  });
}

export function stuckEmail(input: ReminderEmailInput & { stuckDays: number; inProgress: boolean }): EmailContent {
  const what = input.inProgress ? `an item has been in progress for ${input.stuckDays} days` : `there has been no activity for ${input.stuckDays} days`;
  return simpleEmail(
    input.forHire ? `Stuck on “${input.trackTitle}”?` : `${input.hireName} may be stuck on “${input.trackTitle}”`,
    [`On ${input.forHire ? "your" : `${input.hireName}’s`} track “${input.trackTitle}”, ${what}.`, input.forHire ? "If something blocks you, ask your mentor: that is what they are there for." : "A word from you may help."],
    { url: input.url, label: input.forHire ? "Open your roadmap" : "Open the assignment" },
  );
}

export function nudgeEmail(input: { senderName: string; trackTitle: string; message: string; url: string }): EmailContent {
  return simpleEmail(`${input.senderName} sent you a nudge`, [`${input.senderName} sent you a nudge about your track “${input.trackTitle}”:`], { url: input.url, label: "Open your roadmap" }, input.message);
}
