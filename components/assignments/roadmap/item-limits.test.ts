import { describe, expect, it } from "vitest";
import { MAX_NOTE, updateItemSchema } from "@/lib/assignments/schema";
import { isWebAddress, MAX_LINK_TITLE, MAX_LINK_URL, MAX_LINKS, MAX_NOTE_LENGTH, MAX_REASON_LENGTH } from "./item-limits";

const accepts = (body: unknown) => updateItemSchema.safeParse(body).success;

describe("the item form's limits", () => {
  it("are the endpoint's", () => {
    expect(MAX_NOTE_LENGTH).toBe(MAX_NOTE);
    expect(accepts({ note: "x".repeat(MAX_NOTE_LENGTH) })).toBe(true);
    expect(accepts({ note: "x".repeat(MAX_NOTE_LENGTH + 1) })).toBe(false);
    const link = { url: "https://example.test/" };
    expect(accepts({ links: Array.from({ length: MAX_LINKS }, () => link) })).toBe(true);
    expect(accepts({ links: Array.from({ length: MAX_LINKS + 1 }, () => link) })).toBe(false);
    expect(accepts({ links: [{ url: `https://example.test/${"x".repeat(MAX_LINK_URL - 21)}` }] })).toBe(true);
    expect(accepts({ links: [{ url: `https://example.test/${"x".repeat(MAX_LINK_URL)}` }] })).toBe(false);
    expect(accepts({ links: [{ title: "t".repeat(MAX_LINK_TITLE + 1), url: link.url }] })).toBe(false);
    expect(accepts({ state: "NOT_APPLICABLE", notApplicableReason: "r".repeat(MAX_REASON_LENGTH) })).toBe(true);
    expect(accepts({ state: "NOT_APPLICABLE", notApplicableReason: "r".repeat(MAX_REASON_LENGTH + 1) })).toBe(false);
  });

  it("take the links the endpoint takes, and never a script or data address", () => {
    for (const url of ["https://github.com/acme/api/pull/12", "http://localhost:3000/x", "HTTPS://EXAMPLE.TEST"]) {
      expect(isWebAddress(url), url).toBe(true);
      expect(accepts({ links: [{ url }] }), url).toBe(true);
    }
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.test/file", "example.test", "https://", " "]) {
      expect(isWebAddress(url), url).toBe(false);
      expect(accepts({ links: [{ url }] }), url).toBe(false);
    }
  });
});
