import { describe, expect, it } from "vitest";
import { invitationEmail } from "./invitation";

const input = { organizationName: "Acme", inviterName: "Ada", roleLabel: "Admin", acceptUrl: "http://localhost:3000/invitations/abc_DEF-1", expiresAt: new Date("2026-12-03T12:00:00Z") };

describe("invitation email", () => {
  it("names the organization, inviter, role, link and expiry in both parts", () => {
    const email = invitationEmail(input);
    expect(email.subject).toBe("Ada invited you to Acme on Cairn");
    expect(email.text).toContain("Ada invited you to join Acme on Cairn as an admin.");
    expect(email.text).toContain(`\n${input.acceptUrl}\n`);
    expect(email.text).toContain("expires on 3 December 2026 (UTC)");
    expect(email.html).toContain(`href="${input.acceptUrl}"`);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("escapes names in the HTML and is deterministic", () => {
    const email = invitationEmail({ ...input, organizationName: "<b>Evil</b>", inviterName: null, roleLabel: "New hire" });
    expect(email.html).not.toContain("<b>Evil");
    expect(email.subject).toBe("Someone invited you to <b>Evil</b> on Cairn");
    expect(email.text).toContain("as a new hire");
    expect(invitationEmail(input)).toEqual(invitationEmail(input));
  });
});
