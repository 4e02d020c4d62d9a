import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIDENCE_LINK_MAX_LENGTH, evidenceLinkSchema, parseEvidenceLink } from "./evidence-link";

describe("parseEvidenceLink", () => {
  it.each([
    ["https://github.com/acme/api/pull/42", { kind: "github-pull", repository: "acme/api", number: 42, label: "acme/api#42" }],
    ["https://github.com/acme/api/pull/42/files", { kind: "github-pull", label: "acme/api#42" }],
    ["https://github.com/acme/api/commit/1A2B3C4D5E6F", { kind: "github-commit", sha: "1a2b3c4d5e6f", label: "acme/api@1a2b3c4" }],
    ["https://gitlab.com/group/sub/project/-/merge_requests/7", { kind: "gitlab-merge-request", repository: "group/sub/project", number: 7, label: "group/sub/project!7" }],
    ["https://gitlab.com/group/project/-/commit/abcdef1234", { kind: "gitlab-commit", label: "group/project@abcdef1" }],
    ["https://github.com/acme/api", { kind: "link", label: "https://github.com/acme/api" }],
    ["  http://example.com/notes  ", { kind: "link", url: "http://example.com/notes" }],
  ])("recognises %s", (input, expected) => {
    expect(parseEvidenceLink(input)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ["", "Paste a link."],
    ["javascript:alert(1)", "A link is an http:// or https:// address."],
    ["ftp://example.com/x", "A link is an http:// or https:// address."],
    ["github.com/acme/api/pull/1", "A link is an http:// or https:// address."],
    ["https://user:secret@example.com/", "Leave the user name and password out of the link."],
    [`https://example.com/${"a".repeat(EVIDENCE_LINK_MAX_LENGTH)}`, "A link is at most 2,048 characters."],
  ])("refuses %s", (input, message) => {
    expect(parseEvidenceLink(input)).toEqual({ ok: false, message });
  });

  it("accepts only http(s) addresses of at most 2,048 characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (input) => {
        const parsed = parseEvidenceLink(input);
        if (parsed.ok) {
          expect(parsed.url).toMatch(/^https?:\/\//);
          expect(parsed.url.length).toBeLessThanOrEqual(EVIDENCE_LINK_MAX_LENGTH);
        }
      }),
    );
  });

  it("gives the schema the same rules, with the normalized address as output", () => {
    expect(evidenceLinkSchema.parse("HTTPS://GitHub.com/acme/api/pull/1")).toBe("https://github.com/acme/api/pull/1");
    expect(evidenceLinkSchema.safeParse("javascript:alert(1)").error?.issues[0]?.message).toBe("A link is an http:// or https:// address.");
  });
});
