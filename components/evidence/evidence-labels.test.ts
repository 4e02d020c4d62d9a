import { describe, expect, it } from "vitest";
import { ATTEMPT_STATUS_LABEL, linkText, personName } from "./evidence-labels";

describe("evidence labels", () => {
  it("names a recognised link by its kind and label", () => {
    expect(linkText({ kind: "github-pull", label: "acme/api#42" })).toBe("Pull request acme/api#42");
    expect(linkText({ kind: "gitlab-merge-request", label: "group/app!7" })).toBe("Merge request group/app!7");
    expect(linkText({ kind: "github-commit", label: "acme/api@1a2b3c4" })).toBe("Commit acme/api@1a2b3c4");
  });

  it("shows a plain link by its label alone", () => {
    expect(linkText({ kind: "link", label: "https://example.com/notes" })).toBe("https://example.com/notes");
  });

  it("has a word for every status and every person", () => {
    expect(Object.values(ATTEMPT_STATUS_LABEL)).toEqual(["Waiting for review", "Approved", "Changes requested"]);
    expect(personName({ name: null, email: "a@b.test" })).toBe("a@b.test");
    expect(personName({ name: "Mei Chen", email: "a@b.test" })).toBe("Mei Chen");
    expect(personName(null)).toBe("someone no longer here");
  });
});
