import { describe, expect, it } from "vitest";
import { fileSize } from "./attempt-files";

describe("fileSize", () => {
  it("says a size in the unit people use", () => {
    expect(fileSize(512)).toBe("512 B");
    expect(fileSize(340 * 1024)).toBe("340 KB");
    expect(fileSize(2.4 * 1024 * 1024)).toBe("2.4 MB");
  });
});
