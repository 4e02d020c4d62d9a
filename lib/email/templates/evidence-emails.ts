/**
 * The evidence emails: what arrived for a mentor (batched), a review done for a
 * hire, and the mentors' daily digest of what has waited over a day. Each is
 * deterministic in its input, so a retried job renders the same bytes.
 */
import { html } from "../html";
import { button, emailLayout, paragraph } from "../layout";
import type { EmailContent } from "../outgoing-email";

const FOOTER = "You receive this because of your role in an onboarding on Cairn. Turn this kind of email off on your account page.";

export interface ArrivedEvidence {
  hireName: string;
  itemTitle: string;
  number: number;
}

/** "Noah Kim: “Loops” (attempt 2)" */
const arrivedLine = (entry: ArrivedEvidence) => `${entry.hireName}: “${entry.itemTitle}”${entry.number > 1 ? ` (attempt ${entry.number})` : ""}`;

export function evidenceArrivedEmail(input: { organizationName: string; entries: ArrivedEvidence[]; queueUrl: string }): EmailContent {
  const count = input.entries.length;
  const subject = count === 1 ? `${input.entries[0]!.hireName} submitted evidence to review` : `${count} submissions to review in ${input.organizationName}`;
  const intro = `${count === 1 ? "This arrived" : "These arrived"} for your review in ${input.organizationName}:`;
  const lines = input.entries.map(arrivedLine);
  const body = html`${paragraph("Hi,")}
${paragraph(intro)}
<ul style="margin:0 0 16px;padding-left:20px;">${lines.map((line) => html`<li>${line}</li>`)}</ul>
${button(input.queueUrl, "Open the review queue")}`;
  const text = ["Hi,", "", intro, "", ...lines.map((line) => `- ${line}`), "", "Review them here:", input.queueUrl, "", "— Cairn", ""].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: intro, body, footer: FOOTER }), text };
}

export function reviewDoneEmail(input: { reviewerName: string; itemTitle: string; approved: boolean; comment: string | null; roadmapUrl: string }): EmailContent {
  const subject = input.approved ? `“${input.itemTitle}” is approved` : `Changes requested on “${input.itemTitle}”`;
  const verdict = input.approved
    ? `${input.reviewerName} approved your evidence for “${input.itemTitle}”: the item is done.`
    : `${input.reviewerName} asked for changes to your evidence for “${input.itemTitle}”.`;
  const body = html`${paragraph("Hi,")}
${paragraph(verdict)}
${input.comment ? html`<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d4d4d8;color:#3f3f46;white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;">${input.comment}</blockquote>` : ""}
${button(input.roadmapUrl, "Open your roadmap")}`;
  const text = ["Hi,", "", verdict, ...(input.comment ? ["", input.comment] : []), "", input.roadmapUrl, "", "— Cairn", ""].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: verdict, body, footer: FOOTER }), text };
}

export function reviewDigestEmail(input: {
  organizations: Array<{ name: string; waiting: number; oldestHours: number; overdue?: number; targetDays?: number; queueUrl: string }>;
}): EmailContent {
  const total = input.organizations.reduce((sum, org) => sum + org.waiting, 0);
  const overdue = input.organizations.reduce((sum, org) => sum + (org.overdue ?? 0), 0);
  const subject = `${total} ${total === 1 ? "submission has" : "submissions have"} waited over a day for your review${overdue > 0 ? ` (${overdue} overdue)` : ""}`;
  // Overdue: past the organization's review target in working days (the reviewer SLA).
  const overdueText = (org: (typeof input.organizations)[number]) =>
    org.overdue ? `; ${org.overdue} overdue (over the ${org.targetDays}-working-day target)` : "";
  const lines = input.organizations.map((org) => `${org.name}: ${org.waiting} waiting, the oldest for ${org.oldestHours} hours${overdueText(org)}`);
  const body = html`${paragraph("Hi,")}
${paragraph("Evidence from your mentees is waiting for you:")}
${input.organizations.map((org, index) => html`${paragraph(lines[index]!)}${button(org.queueUrl, `Review in ${org.name}`)}`)}`;
  const text = ["Hi,", "", "Evidence from your mentees is waiting for you:", "", ...input.organizations.flatMap((org, index) => [`- ${lines[index]}`, `  ${org.queueUrl}`]), "", "— Cairn", ""].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: subject, body, footer: FOOTER }), text };
}
