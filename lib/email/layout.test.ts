import { describe, expect, it } from "vitest";
import type { EmailContent } from "./outgoing-email";
import { evidenceArrivedEmail, reviewDigestEmail, reviewDoneEmail } from "./templates/evidence-emails";
import { invitationEmail } from "./templates/invitation";
import { passwordResetEmail } from "./templates/password-reset";
import { assignedToHireEmail, assignedToMentorEmail, dueSoonEmail, nudgeEmail, overdueEmail, stuckEmail, weeklySummaryEmail } from "./templates/reminder-emails";
import { signInLinkEmail } from "./templates/sign-in-link";
import { finishSignUpEmail, signUpAttemptEmail } from "./templates/sign-up";
import { verifyEmailEmail } from "./templates/verify-email";
import { webhookDisabledEmail } from "./templates/webhook-disabled";

// A long URL (a token) is what pushed the column wide and made clients break the words around it.
const url = `https://cairn.example.test/o/acme-engineering/assignments/cmabcdefghijklmnopqrstuv/items?token=${"x".repeat(120)}`;
const reminder = { forHire: true, hireName: "Noah Kim", trackTitle: "Python backend", dueDate: "2099-03-01", url };

const EMAILS: Record<string, EmailContent> = {
  invitation: invitationEmail({ organizationName: "Acme", inviterName: "Ada", roleLabel: "Admin", acceptUrl: url, blockUrl: url, expiresAt: new Date("2026-12-03T12:00:00Z") }),
  passwordReset: passwordResetEmail({ name: "Ada", resetUrl: url, expiresInMinutes: 60 }),
  signInLink: signInLinkEmail({ name: "Ada", signInUrl: url, expiresInMinutes: 15 }),
  finishSignUp: finishSignUpEmail({ confirmUrl: url, expiresInHours: 24 }),
  signUpAttempt: signUpAttemptEmail({ name: "Ada", signInUrl: url, resetUrl: url }),
  verifyEmail: verifyEmailEmail({ name: "Ada", verifyUrl: url, expiresInHours: 24 }),
  webhookDisabled: webhookDisabledEmail({ organizationName: "Acme", target: url, kind: "webhook", reason: "10 failures in a row", settingsUrl: url }),
  assignedToHire: assignedToHireEmail({ organizationName: "Acme", trackTitle: "Python backend", assignerName: "Ada", mentorNames: ["Rosa"], dueDate: "2099-03-01", firstItems: ["Variables"], url }),
  assignedToMentor: assignedToMentorEmail({ organizationName: "Acme", trackTitle: "Python backend", hireName: "Noah", assignerName: "Ada", dueDate: null, url }),
  dueSoon: dueSoonEmail({ ...reminder, daysLeft: 2 }),
  overdue: overdueEmail({ ...reminder, daysLate: 3 }),
  stuck: stuckEmail({ ...reminder, stuckDays: 5, inProgress: true }),
  nudge: nudgeEmail({ senderName: "Rosa", trackTitle: "Python backend", message: `Have a look at ${url}`, url }),
  weeklySummary: weeklySummaryEmail({
    organizationName: "Acme",
    weekOf: "2026-12-07",
    finished: [{ hireName: "Noah", trackTitle: "Python backend" }],
    stuck: [],
    overdue: [{ hireName: "Ines", trackTitle: "Frontend foundations", dueDate: "2026-12-01" }],
    reviews: [],
    slips: [{ hireName: "Noah", trackTitle: "Python backend", dueDate: "2026-12-20", finishDate: "2027-01-04" }],
    dashboardUrl: url,
  }),
  evidenceArrived: evidenceArrivedEmail({ organizationName: "Acme", entries: [{ hireName: "Noah", itemTitle: "Loops", number: 2 }], queueUrl: url }),
  reviewDone: reviewDoneEmail({ reviewerName: "Rosa", itemTitle: "Loops", approved: false, comment: `See ${url}`, roadmapUrl: url }),
  reviewDigest: reviewDigestEmail({ organizations: [{ name: "Acme", waiting: 2, oldestHours: 30, queueUrl: url }] }),
};

/** Each style="…" with the element it is on. */
const styled = (html: string) => [...html.matchAll(/<(\w+)[^>]*?style="([^"]*)"[^>]*>/g)].map(([whole, tag, style]) => ({ whole, tag: tag!, style: style! }));

describe("every email's layout", () => {
  for (const [name, email] of Object.entries(EMAILS)) {
    it(`${name}: words wrap between words; only the printed URL may break anywhere`, () => {
      const elements = styled(email.html);
      // Breaking anywhere is for a link whose text is the URL itself, nothing else.
      for (const element of elements.filter((candidate) => /break-all|overflow-wrap:anywhere/.test(candidate.style))) {
        expect(element.tag, element.whole).toBe("a");
        const text = email.html.slice(email.html.indexOf(element.whole) + element.whole.length).split("</a>")[0];
        expect(text, element.whole).toMatch(/^https?:\/\/\S+$/);
      }
      // The body cell lets a word longer than the line wrap (a pasted token) and never splits other words.
      const body = elements.find((element) => element.tag === "td" && element.style.includes("padding:32px;font-family"));
      expect(body?.style).toContain("word-break:normal;overflow-wrap:break-word;");
      // The column has a fixed width, so a long URL cannot widen it.
      expect(email.html).toMatch(/max-width:560px;table-layout:fixed/);
      expect(email.html).toContain('<!--[if mso]><table role="presentation" width="560"');
    });
  }

  it("keeps user text in quotes wrapping between words too", () => {
    const quote = styled(EMAILS.reviewDone!.html).find((element) => element.tag === "blockquote");
    expect(quote?.style).toContain("white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;");
  });
});
