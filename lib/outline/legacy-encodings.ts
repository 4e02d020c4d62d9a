/**
 * The two single-byte code pages that UTF-8 text most often gets mis-decoded as.
 *
 * Each table lists the Unicode code point for bytes 0x80–0xFF (bytes below 0x80 are ASCII in both).
 * - Windows-1252: Microsoft's cp1252 code page, as given in the Unicode Consortium's
 *   MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT and the WHATWG Encoding Standard's
 *   index-windows-1252. The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map
 *   to the C1 controls U+0081… as WHATWG decoders (browsers, Node's TextDecoder) do, so text that
 *   went through ISO-8859-1 instead is covered too (see `LATIN1_C1_ALIASES`).
 * - Mac OS Roman: Apple's MAPPINGS/VENDORS/APPLE/ROMAN.TXT (Mac OS 8.5 and later: 0xDB is €, and
 *   0xF0 is the Apple logo U+F8FF in the private use area), which is also WHATWG's
 *   index-macintosh.
 * `legacy-encodings.test.ts` checks both tables against the platform's TextDecoder when it has them.
 */

export const WINDOWS_1252_HIGH: readonly number[] = [
  // 0x80–0x8F
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  // 0x90–0x9F
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
  // 0xA0–0xFF are the Latin-1 code points U+00A0–U+00FF
  ...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i),
];

export const MAC_ROMAN_HIGH: readonly number[] = [
  // 0x80–0x8F: Ä Å Ç É Ñ Ö Ü á à â ä ã å ç é è
  0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1, 0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
  // 0x90–0x9F: ê ë í ì î ï ñ ó ò ô ö õ ú ù û ü
  0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3, 0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
  // 0xA0–0xAF: † ° ¢ £ § • ¶ ß ® © ™ ´ ¨ ≠ Æ Ø
  0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df, 0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
  // 0xB0–0xBF: ∞ ± ≤ ≥ ¥ µ ∂ ∑ ∏ π ∫ ª º Ω æ ø
  0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211, 0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
  // 0xC0–0xCF: ¿ ¡ ¬ √ ƒ ≈ ∆ « » … NBSP À Ã Õ Œ œ
  0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab, 0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
  // 0xD0–0xDF: – — “ ” ‘ ’ ÷ ◊ ÿ Ÿ ⁄ € ‹ › ﬁ ﬂ
  0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca, 0x00ff, 0x0178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
  // 0xE0–0xEF: ‡ · ‚ „ ‰ Â Ê Á Ë È Í Î Ï Ì Ó Ô
  0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1, 0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
  // 0xF0–0xFF: Apple-logo Ò Ú Û Ù ı ˆ ˜ ¯ ˘ ˙ ˚ ¸ ˝ ˛ ˇ
  0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc, 0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7,
];

export type LegacyEncoding = "windows-1252" | "mac-roman";

export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, string> = {
  "windows-1252": "Windows-1252",
  "mac-roman": "Mac OS Roman",
};

/** UTF-16 code unit → byte, for the characters of one table (ASCII is handled by the caller). */
export type ReverseTable = ReadonlyMap<number, number>;

function reverse(high: readonly number[], aliases: ReadonlyArray<readonly [number, number]> = []): ReverseTable {
  const map = new Map<number, number>();
  high.forEach((codePoint, i) => map.set(codePoint, 0x80 + i));
  for (const [codePoint, byte] of aliases) if (!map.has(codePoint)) map.set(codePoint, byte);
  return map;
}

/**
 * ISO-8859-1 decodes 0x80–0x9F to the C1 controls U+0080–U+009F, where cp1252 has punctuation.
 * No real text contains C1 controls, so reading them back as those bytes is safe.
 */
const LATIN1_C1_ALIASES: ReadonlyArray<readonly [number, number]> = Array.from({ length: 0x20 }, (_, i) => [0x80 + i, 0x80 + i] as const);

export const REVERSE_TABLES: Readonly<Record<LegacyEncoding, ReverseTable>> = {
  "windows-1252": reverse(WINDOWS_1252_HIGH, LATIN1_C1_ALIASES),
  "mac-roman": reverse(MAC_ROMAN_HIGH),
};

/** Decode single-byte text with one of the tables (used when a file's bytes are not UTF-8 at all). */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const high = encoding === "windows-1252" ? WINDOWS_1252_HIGH : MAC_ROMAN_HIGH;
  let out = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = Array.from(chunk, (byte) => (byte < 0x80 ? byte : (high[byte - 0x80] ?? 0xfffd)));
    out += String.fromCharCode(...codes);
  }
  return out;
}
