import { describe, expect, it } from "vitest";
import { signInLinkEmail } from "./sign-in-link";
import { finishSignUpEmail, signUpAttemptEmail } from "./sign-up";
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

describe("sign-up emails", () => {
  const confirmUrl = "http://localhost:3000/sign-up/confirm?token=abc_DEF-123";

  it("the finish-sign-up email carries the link in both parts, says how long it works, and nothing the requester typed", () => {
    const email = finishSignUpEmail({ confirmUrl, expiresInHours: 24 });
    expect(email.subject).toBe("Finish creating your Cairn account");
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.text).toContain(`\n${confirmUrl}\n`);
    expect(email.text).toContain("expires 24 hours after");
    expect(finishSignUpEmail({ confirmUrl, expiresInHours: 24 })).toEqual(email);
  });

  it("the already-have-an-account email offers sign-in and a password reset, and escapes the owner's name", () => {
    const email = signUpAttemptEmail({ name: "<b>Ada</b>", signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" });
    expect(email.subject).toBe("You already have a Cairn account");
    expect(email.html).toContain('href="http://localhost:3000/sign-in"');
    expect(email.html).toContain('href="http://localhost:3000/forgot-password"');
    expect(email.html).not.toContain("<b>Ada</b>");
    expect(email.text).toContain("Hi <b>Ada</b>,");
    expect(email.text).toContain("\nhttp://localhost:3000/forgot-password\n");
    expect(() => signUpAttemptEmail({ name: null, signInUrl: "http://localhost:3000/sign-in", resetUrl: "javascript:alert(1)" })).toThrow(/non-http/);
  });
});
