/**
 * The reminder and nudge emails (lib/reminders, decision 0029): a track
 * assigned (to the hire, with mentors, due day and first items; to each
 * mentor), due soon, overdue, stuck, a nudge, and the managers' weekly summary.
 * Deterministic in their input, so a retried job renders the same bytes.
 */
import { html } from "../html";
import { button, emailLayout, paragraph } from "../layout";
import type { EmailContent } from "../outgoing-email";
import { emailDay } from "@/lib/time/format";

const FOOTER = "You receive this because of your role in an onboarding on Cairn. Turn this kind of email off on your account page.";

function simpleEmail(subject: string, lines: string[], link: { url: string; label: string }, quote?: string): EmailContent {
  const body = html`${paragraph("Hi,")}
${lines.map((line) => paragraph(line))}
${quote ? html`<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d4d4d8;color:#3f3f46;white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;">${quote}</blockquote>` : ""}
${button(link.url, link.label)}`;
  const text = ["Hi,", "", ...lines.flatMap((line) => [line, ""]), ...(quote ? [quote, ""] : []), `${link.label}: ${link.url}`, "", "— Cairn", ""].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: lines[0] ?? subject, body, footer: FOOTER }), text };
}

// Emails have no viewer locale: days read in one fixed format, "1 March 2099" (lib/time/format.ts).
const dueLine = (dueDate: string | null) => (dueDate ? `It is due on ${emailDay(dueDate)}.` : "It has no due date.");

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
  return simpleEmail(`${whose(input)} track “${input.trackTitle}” is due ${when}`, [`${whose(input)} track “${input.trackTitle}” is due ${when} (${input.dueDate ? emailDay(input.dueDate) : "no date"}).`], {
    url: input.url,
    label: input.forHire ? "Open your roadmap" : "Open the assignment",
  });
}

export function overdueEmail(input: ReminderEmailInput & { daysLate: number }): EmailContent {
  const late = `${input.daysLate} ${input.daysLate === 1 ? "day" : "days"}`;
  return simpleEmail(`${whose(input)} track “${input.trackTitle}” is overdue`, [`${whose(input)} track “${input.trackTitle}” was due on ${input.dueDate ? emailDay(input.dueDate) : "its due day"}, ${late} ago.`, input.forHire ? "Talk to your mentor or manager if the date needs to move." : "A word from you may help."], {
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

export interface WeeklySummaryInput {
  organizationName: string;
  weekOf: string;
  finished: Array<{ hireName: string; trackTitle: string }>;
  stuck: Array<{ hireName: string; trackTitle: string; reason: string }>;
  overdue: Array<{ hireName: string; trackTitle: string; dueDate: string }>;
  reviews: Array<{ hireName: string; itemTitle: string; waitingHours: number }>;
  slips: Array<{ hireName: string; trackTitle: string; dueDate: string; finishDate: string }>;
  dashboardUrl: string;
}

/** The owners' and admins' Monday email: who finished, who is stuck or overdue, the reviews waiting longest, forecast slips. */
export function weeklySummaryEmail(input: WeeklySummaryInput): EmailContent {
  const waited = (hours: number) => (hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} hours`);
  const sections: Array<{ title: string; empty: string; lines: string[] }> = [
    { title: `Finished this week (${input.finished.length})`, empty: "Nobody finished a track this week.", lines: input.finished.map((row) => `${row.hireName}: “${row.trackTitle}”`) },
    { title: `Stuck (${input.stuck.length})`, empty: "Nobody is stuck.", lines: input.stuck.map((row) => `${row.hireName} on “${row.trackTitle}”: ${row.reason}`) },
    { title: `Overdue (${input.overdue.length})`, empty: "Nothing is overdue.", lines: input.overdue.map((row) => `${row.hireName}: “${row.trackTitle}”, due ${emailDay(row.dueDate)}`) },
    { title: "Reviews waiting longest", empty: "No evidence is waiting for review.", lines: input.reviews.map((row) => `${row.hireName}: “${row.itemTitle}”, waiting ${waited(row.waitingHours)}`) },
    { title: `Forecast to finish late (${input.slips.length})`, empty: "Every forecast is on time.", lines: input.slips.map((row) => `${row.hireName}: “${row.trackTitle}” due ${emailDay(row.dueDate)}, at this pace ${emailDay(row.finishDate)}`) },
  ];
  const subject = `Onboarding this week in ${input.organizationName}`;
  const intro = `The week of ${input.weekOf} in ${input.organizationName}.`;
  const body = html`${paragraph("Hi,")}
${paragraph(intro)}
${sections.map(
  (section) => html`<h2 style="margin:16px 0 8px;font-size:16px;">${section.title}</h2>
${section.lines.length === 0 ? paragraph(section.empty) : html`<ul style="margin:0 0 16px;padding-left:20px;">${section.lines.map((line) => html`<li>${line}</li>`)}</ul>`}`,
)}
${button(input.dashboardUrl, "Open the dashboard")}`;
  const text = [
    "Hi,",
    "",
    intro,
    "",
    ...sections.flatMap((section) => [section.title, ...(section.lines.length === 0 ? [section.empty] : section.lines.map((line) => `- ${line}`)), ""]),
    `Open the dashboard: ${input.dashboardUrl}`,
    "",
    "— Cairn",
    "",
  ].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: intro, body, footer: FOOTER }), text };
}
