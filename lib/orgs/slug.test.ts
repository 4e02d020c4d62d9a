import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Acme Engineering (EU)", "acme-engineering-eu"],
    ["  Café Ünïcode  ", "cafe-unicode"],
    ["---", "org"],
    ["X", "org-x"],
    ["A".repeat(60), "a".repeat(40)],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
