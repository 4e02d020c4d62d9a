import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIDENCE_LINK_MAX_LENGTH, evidenceLinkSchema, parseEvidenceLink } from "./evidence-link";

const NOT_HTTP = "A link is an http:// or https:// address.";

describe("parseEvidenceLink", () => {
  it.each([
    ["https://github.com/acme/api/pull/42", { kind: "github-pull", host: "github.com", repository: "acme/api", number: 42, label: "acme/api#42" }],
    ["https://github.com/acme/api/pull/42/files", { kind: "github-pull", label: "acme/api#42" }],
    ["https://github.com/acme/api/pull/42/commits?w=1#diff", { kind: "github-pull", label: "acme/api#42", url: "https://github.com/acme/api/pull/42/commits?w=1#diff" }],
    ["https://www.github.com/acme/my.repo-2/pull/7", { kind: "github-pull", repository: "acme/my.repo-2", label: "acme/my.repo-2#7" }],
    ["https://github.com/acme/api/commit/1A2B3C4D5E6F", { kind: "github-commit", sha: "1a2b3c4d5e6f", label: "acme/api@1a2b3c4" }],
    ["https://gitlab.com/group/sub/project/-/merge_requests/7", { kind: "gitlab-merge-request", repository: "group/sub/project", number: 7, label: "group/sub/project!7" }],
    ["https://gitlab.com/group/project/-/merge_requests/7/diffs", { kind: "gitlab-merge-request", label: "group/project!7" }],
    ["https://gitlab.com/group/project/-/commit/abcdef1234", { kind: "gitlab-commit", sha: "abcdef1234", label: "group/project@abcdef1" }],
    ["https://gitlab.acme.internal/platform/api/-/merge_requests/3", { kind: "gitlab-merge-request", host: "gitlab.acme.internal", label: "platform/api!3" }],
    ["https://github.com/acme/api", { kind: "link", label: "https://github.com/acme/api" }],
    ["https://github.com/acme/api/pull/not-a-number", { kind: "link" }],
    ["https://github.com/acme/api/pull/12345678901", { kind: "link" }],
    ["https://gitlab.com/group/project/merge_requests/7", { kind: "link" }],
    ["https://example.com/acme/api/pull/42", { kind: "link", host: "example.com" }],
    ["  http://example.com/notes  ", { kind: "link", url: "http://example.com/notes" }],
    ["HTTPS://Docs.Example.COM/a b", { kind: "link", host: "docs.example.com", url: "https://docs.example.com/a%20b" }],
    ["http://localhost:3000/x", { kind: "link", host: "localhost" }],
  ])("recognises %s", (input, expected) => {
    expect(parseEvidenceLink(input)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ["", "Paste a link."],
    ["   ", "Paste a link."],
    ["javascript:alert(1)", NOT_HTTP],
    ["JaVaScRiPt:alert(1)//https://example.com", NOT_HTTP],
    ["data:text/html,<script>alert(1)</script>", NOT_HTTP],
    ["ftp://example.com/x", NOT_HTTP],
    ["github.com/acme/api/pull/1", NOT_HTTP],
    ["//example.com/x", NOT_HTTP],
    ["https://", NOT_HTTP],
    ["https://exa mple.com/", NOT_HTTP],
    ["https://exa\nmple.com/", "A link cannot contain line breaks, tabs or other control characters."],
    ["https://example.com/\tx", "A link cannot contain line breaks, tabs or other control characters."],
    ["https://user:secret@example.com/", "Leave the user name and password out of the link."],
    ["https://token@github.com/acme/api/pull/1", "Leave the user name and password out of the link."],
    [`https://example.com/${"a".repeat(EVIDENCE_LINK_MAX_LENGTH)}`, "A link is at most 2,048 characters."],
    // Fits as typed, but not once the spaces are percent-encoded.
    [`https://example.com/${" x".repeat(1000)}`, "A link is at most 2,048 characters."],
  ])("refuses %j", (input, message) => {
    expect(parseEvidenceLink(input)).toEqual({ ok: false, message });
  });

  it("accepts only http(s) addresses of at most 2,048 characters, without credentials", () => {
    const candidates = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true } }),
      fc.string(),
      fc.string().map((tail) => `https://example.com/${tail}`),
      fc.constantFrom("http:", "https:", "HTTP:", "javascript:", "data:").chain((scheme) => fc.string().map((rest) => scheme + rest)),
    );
    fc.assert(
      fc.property(candidates, (input) => {
        const parsed = parseEvidenceLink(input);
        if (!parsed.ok) return;
        expect(parsed.url).toMatch(/^https?:\/\//);
        expect(parsed.url.length).toBeLessThanOrEqual(EVIDENCE_LINK_MAX_LENGTH);
        const url = new URL(parsed.url);
        expect(url.username + url.password).toBe("");
        expect(parseEvidenceLink(parsed.url)).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the schema the same rules, with the normalized address as output", () => {
    expect(evidenceLinkSchema.parse("HTTPS://GitHub.com/acme/api/pull/1")).toBe("https://github.com/acme/api/pull/1");
    expect(evidenceLinkSchema.safeParse("javascript:alert(1)").error?.issues[0]?.message).toBe(NOT_HTTP);
    expect(evidenceLinkSchema.safeParse("https://a:b@example.com").error?.issues[0]?.message).toBe("Leave the user name and password out of the link.");
    expect(evidenceLinkSchema.safeParse(42).success).toBe(false);
  });
});
