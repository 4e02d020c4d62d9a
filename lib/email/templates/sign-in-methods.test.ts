import { describe, expect, it } from "vitest";
import { signInLinkEmail } from "./sign-in-link";
import { verifyEmailEmail } from "./verify-email";

describe("verification email", () => {
  const verifyUrl = "http://localhost:3000/verify-email?token=abc_DEF-123";

  it("carries the link in both parts and says how long it works", () => {
    const email = verifyEmailEmail({ name: "Ada", verifyUrl, expiresInHours: 24 });
    expect(email.subject).toBe("Verify your email for Cairn");
    expect(email.html).toContain(`href="${verifyUrl}"`);
    expect(email.text).toContain(`\n${verifyUrl}\n`);
    expect(email.text).toContain("expires 24 hours after");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("escapes the name in the HTML", () => {
    const email = verifyEmailEmail({ name: "<script>x</script>", verifyUrl, expiresInHours: 24 });
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain("Hi <script>x</script>,");
  });
});

describe("sign-in link email", () => {
  const signInUrl = "http://localhost:3000/sign-in/link?token=abc_DEF-123";

  it("carries the link in both parts, renders the same bytes twice, and greets without a name", () => {
    const email = signInLinkEmail({ name: null, signInUrl, expiresInMinutes: 15 });
    expect(email.subject).toBe("Your Cairn sign-in link");
    expect(email.html).toContain(`href="${signInUrl}"`);
    expect(email.text).toMatch(/^Hi,\n/);
    expect(email.text).toContain(`\n${signInUrl}\n`);
    expect(email.text).toContain("expires 15 minutes after");
    expect(signInLinkEmail({ name: null, signInUrl, expiresInMinutes: 15 })).toEqual(email);
  });
});
