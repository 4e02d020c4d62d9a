import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidStorageKeyError, STORAGE_KEY_MAX_LENGTH, assertStorageKey, isValidStorageKey } from "./file-storage";

const BAD_KEYS = [
  "",
  "/etc/passwd",
  "../outside",
  "a/../../outside",
  "a/./b",
  "a//b",
  "a/",
  ".hidden",
  "a/.tmp-1234",
  "..",
  "a\\..\\b",
  "C:/windows",
  "a b",
  "résumé.pdf",
  "a/b\u0000c",
  "a\nb",
  "a%2F..%2Fb",
  "x".repeat(STORAGE_KEY_MAX_LENGTH + 1),
];

describe("storage keys", () => {
  it.each(["a", "org_1/attempt-2/3f1c9a.pdf", "A-Z_0-9/x.y.z", "x".repeat(STORAGE_KEY_MAX_LENGTH)])("accepts %s", (key) => {
    expect(isValidStorageKey(key)).toBe(true);
    expect(() => assertStorageKey(key)).not.toThrow();
  });

  it.each(BAD_KEYS)("refuses %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    expect(() => assertStorageKey(key)).toThrow(InvalidStorageKeyError);
  });

  it("accepts only keys that stay where they point: relative, normalized, no dot segments", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._\-/\\%: ]{0,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }).map((parts) => parts.join("/")), (key) => {
        if (!isValidStorageKey(key)) return;
        expect(path.posix.normalize(key)).toBe(key);
        expect(path.posix.isAbsolute(key)).toBe(false);
        expect(key.split("/").every((part) => part !== "" && !part.startsWith("."))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
