import { describe, expect, it } from "vitest";
import { decodeOutlineBytes, parseOutlineBytes } from "./decode";
import { serializeOutline } from "./serialize";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseOutlineBytes", () => {
  it("decodes UTF-8 and keeps a byte-order mark so it round-trips", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("- café\n")]);
    expect(decodeOutlineBytes(bytes)).toEqual({ text: "\uFEFF- café\n", encoding: "utf-8" });
    const result = parseOutlineBytes(bytes);
    expect(result.ok && result.document.format.bom).toBe(true);
    expect(result.ok && new TextEncoder().encode(serializeOutline(result.document))).toEqual(bytes);
  });

  it("reads bytes that are not UTF-8 as Windows-1252 and reports it", () => {
    // "- “café”" saved in cp1252: 0x93 “, 0xE9 é, 0x94 ”.
    const bytes = Uint8Array.from([0x2d, 0x20, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x0a]);
    const result = parseOutlineBytes(bytes);
    expect(result.ok && result.document.items[0]?.title).toBe("“café”");
    expect(result.repairs).toEqual([{ line: 1, kind: "encoding", before: "", after: "", message: "Line 1: the file is not valid UTF-8; it was read as Windows-1252" }]);
  });

  it("rejects an oversized upload before decoding it, naming the line", () => {
    const bytes = utf8("- a\n- b\n- ccc\n");
    const result = parseOutlineBytes(bytes, { maxBytes: 10 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        line: 3,
        column: 3,
        code: "file-too-large",
        message: "Line 3, column 3: the file is 14 bytes, over the 10 bytes limit, which is reached here; split it into smaller roadmaps",
      },
    ]);
  });
});
