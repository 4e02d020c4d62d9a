import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "./safe-redirect";

const OWN = "https://cairn.example.com";
const safe = (candidate: unknown) => safeRedirectPath(candidate, OWN, "/fallback");

describe("safeRedirectPath", () => {
  it("keeps paths on our origin, as the resolved path, search and hash", () => {
    expect(safe("/o/acme")).toBe("/o/acme");
    expect(safe("/o/acme/members?role=ADMIN#list")).toBe("/o/acme/members?role=ADMIN#list");
    expect(safe("/invitations/abc_DEF-123")).toBe("/invitations/abc_DEF-123");
    expect(safe("/o/acme/../../account")).toBe("/account");
    expect(safe(["/account", "//evil.example"])).toBe("/account");
  });

  it("turns an absolute URL of our own origin into its path, and refuses any other origin", () => {
    expect(safe("https://cairn.example.com/o/acme?x=1")).toBe("/o/acme?x=1");
    expect(safe("HTTPS://CAIRN.EXAMPLE.COM/account")).toBe("/account");
    expect(safe("https://cairn.example.com:443/account")).toBe("/account");
    expect(safe("http://cairn.example.com/account")).toBe("/fallback"); // another scheme is another origin
    expect(safe("https://cairn.example.com:8443/account")).toBe("/fallback");
    expect(safe("https://evil.example/o")).toBe("/fallback");
    expect(safe("https://cairn.example.com.evil.example/o")).toBe("/fallback");
    expect(safe("https://cairn.example.com@evil.example/o")).toBe("/fallback");
  });

  it("refuses the reported bypass: a tab (or newline, CR) that the browser drops to leave //host", () => {
    expect(safe("/\t/evil.example/x")).toBe("/fallback");
    expect(safe("/\n/evil.example/x")).toBe("/fallback");
    expect(safe("/\r/evil.example/x")).toBe("/fallback");
    expect(safe("/\r\n/evil.example/x")).toBe("/fallback");
    expect(safe("\t//evil.example")).toBe("/fallback");
    // The query string as the sign-in page receives it, decoded once.
    expect(safe(new URLSearchParams("callbackUrl=/%09/evil.example/x").get("callbackUrl"))).toBe("/fallback");
  });

  it("refuses protocol-relative and backslash forms", () => {
    for (const candidate of ["//evil.example", "//evil.example/o", "///evil.example", "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/.//evil.example", "/./\\evil.example"]) {
      expect(safe(candidate), JSON.stringify(candidate)).toBe("/fallback");
    }
  });

  it("refuses encoded slashes and backslashes, which one more decoding turns into //host", () => {
    for (const candidate of ["/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5C/evil.example", "/%5c%5cevil.example", "%5C%5Cevil.example", "/o/%2Fevil"]) {
      expect(safe(candidate), candidate).toBe("/fallback");
    }
  });

  it("refuses script and data URLs whatever their case or padding", () => {
    for (const candidate of ["javascript:alert(1)", "JavaScript:alert(document.domain)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "blob:https://cairn.example.com/uuid"]) {
      expect(safe(candidate), candidate).toBe("/fallback");
    }
  });

  it("refuses NUL and other control characters, empty and non-string values, and very long values", () => {
    expect(safe("/o/acme\u0000")).toBe("/fallback");
    expect(safe("\u0000//evil.example")).toBe("/fallback");
    expect(safe("/o/\u007f")).toBe("/fallback");
    expect(safe("")).toBe("/fallback");
    expect(safe(undefined)).toBe("/fallback");
    expect(safe(42)).toBe("/fallback");
    expect(safe([])).toBe("/fallback");
    expect(safe(`/o/${"a".repeat(MAX_REDIRECT_LENGTH)}`)).toBe("/fallback");
    // A value within the limit that percent-encoding makes longer than it is refused too.
    expect(safe(`/${"é".repeat(MAX_REDIRECT_LENGTH - 1)}`)).toBe("/fallback");
  });

  it("never answers anything a browser would resolve to another origin (property)", () => {
    const pieces = fc.constantFrom("/", "\\", "//", "\t", "\n", "\r", "\u0000", " ", ".", "..", "%2F", "%5C", "%2f", "%09", ":", "@", "?", "#", "evil.example", "javascript:", "https:", "cairn.example.com", "o");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const result = safe(parts.join(""));
        expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
        expect(new URL(result, OWN).origin).toBe(OWN);
      }),
      { numRuns: 2000 },
    );
  });
});
