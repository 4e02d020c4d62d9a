import { describe, expect, it } from "vitest";
import { displayName, invitationEmail, SUBJECT_NAME_MAX } from "./invitation";

const input = {
  organizationName: "Acme",
  inviterName: "Ada",
  roleLabel: "Admin",
  acceptUrl: "http://localhost:3000/invitations/abc_DEF-1",
  blockUrl: "http://localhost:3000/invitations/block/cabc.MAC_-1",
  expiresAt: new Date("2026-12-03T12:00:00Z"),
};

describe("invitation email", () => {
  it("names the organization (quoted), inviter, role, both links and the expiry in both parts", () => {
    const email = invitationEmail(input);
    expect(email.subject).toBe("Ada invited you to “Acme” on Cairn");
    expect(email.text).toContain("Ada invited you to join the organization “Acme” on Cairn as an admin.");
    expect(email.text).toContain(`\n${input.acceptUrl}\n`);
    expect(email.text).toContain(`\n${input.blockUrl}\n`);
    expect(email.text).toContain("expires on 3 December 2026 (UTC)");
    expect(email.text).toContain("not by Cairn");
    expect(email.html).toContain(`href="${input.acceptUrl}"`);
    expect(email.html).toContain(`href="${input.blockUrl}"`);
    expect(email.html).toContain("I don’t know this organization</a>");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("escapes names in the HTML and is deterministic", () => {
    const email = invitationEmail({ ...input, organizationName: "<b>Evil</b>", inviterName: null, roleLabel: "New hire" });
    expect(email.html).not.toContain("<b>Evil");
    expect(email.html).toContain("&lt;b&gt;Evil&lt;/b&gt;");
    expect(email.subject).toBe("Someone invited you to “<b>Evil</b>” on Cairn");
    expect(email.text).toContain("as a new hire");
    expect(invitationEmail(input)).toEqual(invitationEmail(input));
  });

  it("quotes and clips an organization name written as a message, in the subject (the reported phishing subject)", () => {
    const organizationName = "Payroll: confirm your bank details at evil.example";
    const email = invitationEmail({ ...input, organizationName, inviterName: "Payroll department of your employer, urgent action" });
    expect(email.subject).toBe("Payroll department of your employer, ur… invited you to “Payroll: confirm your bank details at e…” on Cairn");
    expect(email.subject).not.toContain("evil.example");
    // The heading and the button carry no chosen text at all.
    expect(email.html).toContain("<title>You are invited to an organization on Cairn</title>");
    expect(email.html).toContain(">Accept the invitation</a>");
    // The body names it in full, quoted, next to the notice that Cairn did not write it.
    expect(email.text).toContain(`the organization “${organizationName}” on Cairn`);
  });

  it("keeps names on one line, without control or direction characters", () => {
    const email = invitationEmail({ ...input, organizationName: "Acme\r\nBcc: victim@example.test\u202Emoc.live", inviterName: "Ada\u0000\tLovelace" });
    expect(email.subject).toBe("Ada Lovelace invited you to “Acme Bcc: victim@example.test moc.live” on Cairn");
    expect(email.subject).not.toMatch(/[\p{Cc}\u202E]/u);
  });
});

describe("displayName", () => {
  it("clips at the limit with an ellipsis, counting characters rather than UTF-16 units", () => {
    expect(displayName("a".repeat(SUBJECT_NAME_MAX), SUBJECT_NAME_MAX)).toBe("a".repeat(SUBJECT_NAME_MAX));
    expect(displayName("a".repeat(SUBJECT_NAME_MAX + 1), SUBJECT_NAME_MAX)).toBe(`${"a".repeat(SUBJECT_NAME_MAX - 1)}…`);
    expect(displayName("🎉".repeat(5), 3)).toBe("🎉🎉…");
    expect(displayName("  spaced   out  ", 40)).toBe("spaced out");
  });
});
