import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAC_ROMAN_HIGH, WINDOWS_1252_HIGH } from "./legacy-encodings";
import { findCitations, repairLine, repairMojibake } from "./repair";

/** What a tool does to UTF-8 text when it decodes the bytes with a single-byte code page. */
function garble(text: string, high: readonly number[]): string {
  const bytes = new TextEncoder().encode(text);
  return String.fromCharCode(...Array.from(bytes, (byte) => (byte < 0x80 ? byte : (high[byte - 0x80] as number))));
}
const asMacRoman = (text: string) => garble(text, MAC_ROMAN_HIGH);
const asWindows1252 = (text: string) => garble(text, WINDOWS_1252_HIGH);

describe("repairMojibake", () => {
  it("repairs the seed's Mac OS Roman snake and curly quotes", () => {
    // 🐍 is F0 9F 90 8D; Mac OS Roman reads F0 as the Apple logo (U+F8FF, private use), then "üêç".
    expect(asMacRoman("🐍")).toBe("\uF8FFüêç");
    expect(repairMojibake("# \uF8FFüêç PYTHON").text).toBe("# 🐍 PYTHON");
    expect(repairMojibake("WHAT ‚ÄúBACKEND COMPLETE‚Äù MEANS").text).toBe("WHAT “BACKEND COMPLETE” MEANS");
  });

  it("reports one fix per garbled stretch, with its encoding and indices into the input", () => {
    const input = "say ‚Äúhi‚Äù";
    const { fixes } = repairMojibake(input);
    expect(fixes).toEqual([
      { start: 4, end: 7, before: "‚Äú", after: "“", encoding: "mac-roman" },
      { start: 9, end: 12, before: "‚Äù", after: "”", encoding: "mac-roman" },
    ]);
  });

  it("repairs classic Windows-1252 mojibake", () => {
    expect(repairMojibake("itâ€™s a cafÃ© â€” â‚¬5").text).toBe("it’s a café — €5");
    expect(repairMojibake("Ã¼ber naÃ¯ve").text).toBe("über naïve");
    expect(asWindows1252("❤️")).toBe("â\u009d¤ï¸\u008f"); // 0x9D and 0x8F are undefined in cp1252
    expect(repairMojibake(`${asWindows1252("❤️")} ðŸš€`).text).toBe("❤️ 🚀");
    expect(repairMojibake("ÐŸÑ€Ð¸Ð²ÐµÑ‚").text).toBe("Привет");
    expect(repairMojibake("æ—¥æœ¬èªž").text).toBe("日本語");
    expect(repairMojibake("1Â\u00a0000").text).toBe("1\u00a0000"); // a garbled no-break space
  });

  it("repairs a run that mixes both code pages", () => {
    const mixed = `${asWindows1252("é")}${asMacRoman("“")}`;
    expect(mixed).toBe("Ã©‚Äú");
    const { text, fixes } = repairMojibake(mixed);
    expect(text).toBe("é“");
    expect(fixes.map((f) => [f.before, f.after, f.encoding])).toEqual([
      ["Ã©", "é", "windows-1252"],
      ["‚Äú", "“", "mac-roman"],
    ]);
  });

  it("repairs text that went through the wrong decoder twice", () => {
    expect(asWindows1252(asWindows1252("’"))).toBe("Ã¢â‚¬â„¢");
    expect(repairMojibake("Ã¢â‚¬â„¢").text).toBe("’");
  });

  it("repairs mojibake next to legitimate non-ASCII text without touching the latter", () => {
    expect(repairMojibake("café â€œquoteâ€\u009d").text).toBe("café “quote”");
    expect(repairMojibake("é€â€™").text).toBe("é€’"); // not "递" (E9 80 92) on a second pass
    expect(repairMojibake("“café…”").text).toBe("“café…”"); // not "“caf酔"
  });

  it("leaves a garbled lone Greek or Cyrillic letter alone (too likely to be real text)", () => {
    expect(asMacRoman("π")).toBe("œÄ");
    expect(repairMojibake("œÄ r²").text).toBe("œÄ r²");
    expect(repairMojibake("œÄœÅ").text).toBe("πρ");
  });

  it.each([
    "café",
    "naïve",
    "€ 5",
    "5 €",
    "🐍 snakes",
    "日本語のテキスト",
    "Привет, мир",
    "Ελλάδα",
    "„Fuß“",
    "Straße—groß",
    "«élan»",
    "the café—élan",
    "x–é",
    "SÃO PAULO",
    "½ ± ×",
    "“quoted” ‘single’ — … •",
    "©®™°",
    "ÀÉÎÕÜ àéîõü",
    "Ñandú",
  ])("leaves legitimate text alone: %s", (text) => {
    expect(repairMojibake(text)).toEqual({ text, fixes: [] });
  });

  const WORDS = [
    "café",
    "naïve",
    "€10",
    "“quoted”",
    "‘single’",
    "Fuß",
    "„Fuß“",
    "Москва",
    "Привет",
    "Ελλάδα",
    "日本語",
    "中文",
    "한국어",
    "🐍",
    "🚀",
    "❤️",
    "—",
    "–",
    "…",
    "½",
    "±",
    "«élan»",
    "Ñandú",
    "façade",
    "Øresund",
    "Åland",
    "Ångström",
    "São",
    "Zürich",
    "crème brûlée",
    "x²",
    "µs",
    "π",
    "Ω",
    "≤",
    "√2",
    "→",
    "✓",
    "★",
    "©",
    "™",
    "°C",
    "Ça",
    "œuvre",
  ];
  /** Real words separated by ASCII, as in actual text. */
  const textOf = (words: readonly string[]) =>
    fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(" ", ", ", " - ", "/", "(", ") ", ": ")), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.flat().join(""));
  const realText = textOf(WORDS);
  // A garbled lone Greek or Cyrillic letter ("π" → "œÄ") is deliberately not repaired (see repair.ts).
  const garbleableText = textOf(WORDS.filter((word) => word !== "π" && word !== "Ω"));

  it("property: text garbled as Mac OS Roman or Windows-1252 is restored", () => {
    fc.assert(
      fc.property(garbleableText, fc.constantFrom(asMacRoman, asWindows1252), (text, garbler) => {
        expect(repairMojibake(garbler(text)).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("property: real text is never changed", () => {
    fc.assert(
      fc.property(realText, (text) => {
        expect(repairMojibake(text).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("findCitations", () => {
  it("finds chat-export citation markers with the whitespace before them", () => {
    const line = "a :contentReference[oaicite:4]{index=4} b【4†source】 c \uE200cite\uE202turn0search1\uE201 d citeturn0search3turn1news2";
    const found = findCitations(line).map((span) => span.before);
    expect(found).toEqual([" :contentReference[oaicite:4]{index=4}", "【4†source】", " \uE200cite\uE202turn0search1\uE201", " citeturn0search3turn1news2"]);
  });

  it("does not flag ordinary words", () => {
    expect(findCitations("cite your sources; excite; [4]; {index=4}; incite")).toEqual([]);
  });
});

describe("repairLine", () => {
  it("removes citation debris and reports the column where it starts", () => {
    const line = "    - framework protections (etc.) :contentReference[oaicite:4]{index=4}";
    const { text, repairs } = repairLine(line, 219);
    expect(text).toBe("    - framework protections (etc.)");
    expect(repairs).toEqual([
      {
        line: 219,
        column: 36,
        kind: "citation",
        before: " :contentReference[oaicite:4]{index=4}",
        after: "",
        message: 'Line 219, column 36: removed chat-export citation debris ":contentReference[oaicite:4]{index=4}"',
      },
    ]);
    expect(line.slice(35).startsWith(":contentReference")).toBe(true);
  });

  it("removes trailing spaces and tabs, and reports them", () => {
    expect(repairLine("- item  ", 3)).toEqual({
      text: "- item",
      repairs: [{ line: 3, column: 7, kind: "trailing-whitespace", before: "  ", after: "", message: "Line 3, column 7: removed 2 trailing spaces" }],
    });
    expect(repairLine("- item\t", 4).repairs[0]?.message).toBe("Line 4, column 7: removed 1 trailing tab");
    expect(repairLine("   ", 5).text).toBe("");
  });

  it("counts columns in characters of the original line (an emoji is one column)", () => {
    const { text, repairs } = repairLine("# 🐍 x ‚Äúy‚Äù ", 1);
    expect(text).toBe("# 🐍 x “y”");
    expect(repairs.map((r) => [r.kind, r.column])).toEqual([
      ["mojibake", 7],
      ["mojibake", 11],
      ["trailing-whitespace", 14],
    ]);
    expect(repairs[0]?.message).toBe('Line 1, column 7: "‚Äú" is UTF-8 text that was decoded as Mac OS Roman; replaced it with "“"');
  });

  it("repairs mojibake split by citation debris as one run, reporting original columns", () => {
    const { text, repairs } = repairLine("- x â€【1†a】\u00a0y", 2);
    expect(text).toBe("- x †y");
    expect(repairs.map((r) => [r.kind, r.column, r.before, r.after])).toEqual([
      ["mojibake", 5, "â€\u00a0", "†"],
      ["citation", 7, "【1†a】", ""],
    ]);
  });

  it("leaves clean lines untouched", () => {
    expect(repairLine("  - *args capture (see PEP 3102)", 9)).toEqual({ text: "  - *args capture (see PEP 3102)", repairs: [] });
  });
});
