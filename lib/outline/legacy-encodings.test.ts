import { describe, expect, it } from "vitest";
import { MAC_ROMAN_HIGH, REVERSE_TABLES, WINDOWS_1252_HIGH, decodeLegacy } from "./legacy-encodings";

const HIGH_BYTES = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);

describe("legacy code page tables", () => {
  it("have one distinct code point per byte 0x80–0xFF", () => {
    for (const table of [WINDOWS_1252_HIGH, MAC_ROMAN_HIGH]) {
      expect(table).toHaveLength(128);
      expect(new Set(table).size).toBe(128);
    }
  });

  it("match well-known entries of each code page", () => {
    expect(String.fromCodePoint(...[0x80, 0x92, 0x93, 0x94, 0xe9].map((b) => WINDOWS_1252_HIGH[b - 0x80] as number))).toBe("€’“”é");
    expect(String.fromCodePoint(...[0x8e, 0x9f, 0xd2, 0xd3, 0xdb, 0xf0].map((b) => MAC_ROMAN_HIGH[b - 0x80] as number))).toBe("éü“”€\uF8FF");
  });

  // Node's TextDecoder reads "windows-1252" as ISO-8859-1 (0x80 → U+0080), so only the Mac Roman
  // table can be checked against the platform; the cp1252 table is checked entry by entry above
  // and was compared with Python's cp1252 codec when written.
  it("the Mac Roman table agrees with the platform's macintosh decoder (WHATWG Encoding Standard)", () => {
    const decoded = new TextDecoder("macintosh").decode(HIGH_BYTES);
    expect(Array.from(decoded, (char) => char.codePointAt(0))).toEqual(MAC_ROMAN_HIGH);
  });

  it("reverse tables map every character back to its byte", () => {
    for (const [table, reverse] of [
      [WINDOWS_1252_HIGH, REVERSE_TABLES["windows-1252"]],
      [MAC_ROMAN_HIGH, REVERSE_TABLES["mac-roman"]],
    ] as const) {
      table.forEach((codePoint, i) => expect(reverse.get(codePoint)).toBe(0x80 + i));
    }
    // Text read as ISO-8859-1 carries C1 controls where cp1252 has punctuation: 0x93 is “ or U+0093.
    expect(REVERSE_TABLES["windows-1252"].get(0x93)).toBe(0x93);
    expect(REVERSE_TABLES["windows-1252"].get(0x201c)).toBe(0x93);
  });

  it("decodeLegacy reads bytes with a table, ASCII unchanged", () => {
    expect(decodeLegacy(Uint8Array.from([0x41, 0x93, 0x68, 0x69, 0x94, 0xe9]), "windows-1252")).toBe("A“hi”é");
    expect(decodeLegacy(Uint8Array.from([0x41, 0xd2, 0x68, 0x69, 0xd3, 0x8e]), "mac-roman")).toBe("A“hi”é");
  });
});
