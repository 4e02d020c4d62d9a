import { describe, expect, it } from "vitest";
import { passwordResetEmail } from "./password-reset";

const resetUrl = "http://localhost:3000/reset-password?token=abc_DEF-123";

describe("password reset email", () => {
  it("renders the link in both the HTML and the plain-text part", () => {
    const email = passwordResetEmail({ name: "Ada Lovelace", resetUrl, expiresInMinutes: 60 });
    expect(email.subject).toBe("Reset your Cairn password");
    expect(email.html).toContain(`href="${resetUrl}"`);
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain("Hi Ada Lovelace,");
    expect(email.text).toContain(`\n${resetUrl}\n`);
    expect(email.text).toContain("Hi Ada Lovelace,");
    expect(email.text).toContain("expires 1 hour after");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("escapes a user-provided name in the HTML and keeps it verbatim in the text", () => {
    const name = `<img src=x onerror="alert('hi')"> & <b>Bob</b>`;
    const email = passwordResetEmail({ name, resetUrl, expiresInMinutes: 60 });
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Hi &lt;img src=x onerror=&quot;alert(&#39;hi&#39;)&quot;&gt; &amp; &lt;b&gt;Bob&lt;/b&gt;,");
    expect(email.text).toContain(`Hi ${name},`);
  });

  it("greets without a name when there is none", () => {
    expect(passwordResetEmail({ name: null, resetUrl, expiresInMinutes: 30 }).text).toMatch(/^Hi,\n/);
    expect(passwordResetEmail({ name: "   ", resetUrl, expiresInMinutes: 30 }).text).toContain("expires 30 minutes after");
  });

  it("escapes the URL in attributes and refuses links that are not http(s)", () => {
    const tricky = `http://localhost:3000/reset-password?token=a"><script>x</script>&b=1`;
    const email = passwordResetEmail({ name: "Ada", resetUrl: tricky, expiresInMinutes: 60 });
    expect(email.html).not.toContain("<script>");
    expect(() => passwordResetEmail({ name: "Ada", resetUrl: "javascript:alert(1)", expiresInMinutes: 60 })).toThrow(/non-http/);
  });

  it("renders the same bytes for the same input (retried jobs must send identical payloads)", () => {
    const input = { name: "Ada", resetUrl, expiresInMinutes: 60 };
    expect(passwordResetEmail(input)).toEqual(passwordResetEmail(input));
  });
});
