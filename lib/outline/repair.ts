/**
 * Line-level repairs for damaged roadmap files: mojibake, chat-export citation debris and trailing
 * whitespace. Each repair is reported so an import preview can show it.
 *
 * Mojibake: UTF-8 bytes that some tool decoded as Windows-1252 or Mac OS Roman, e.g. "üêç" for
 * 🐍 (Mac OS Roman) or "â€™" for ’ (Windows-1252). To undo it, each run of non-ASCII characters
 * is encoded back to bytes with a code page table (`legacy-encodings.ts`) and scanned for valid
 * UTF-8 sequences. A sequence is only decoded when the character it yields is one that real text
 * uses (letters, punctuation, symbols, CJK, emoji; see `classifyDecoded`), so legitimate text
 * stays as it is: "café", "naïve" and "€" are not valid UTF-8 once re-encoded, and emoji or CJK
 * are not in either table. A lone Greek, Cyrillic, Hebrew, Arabic or CJK character is left
 * alone, since mis-decoded words in those scripts come as several characters in a row; this
 * avoids reading e.g. "–é" (Mac OS Roman D0 8E) as "ю", or "é…”" (Windows-1252 E9 85 94) as
 * "酔". A run is decoded again until it stops changing, which undoes text garbled twice and makes
 * the repair idempotent.
 *
 * Limits: this is a heuristic. Legitimate text in which a letter is directly followed by symbols
 * that happen to form UTF-8 and a plausible character would be changed (“Å” — Windows-1252 C5 94
 * — becomes “Ŕ); real words practically never look like that, and every change is reported. A
 * lone mis-decoded Greek/Cyrillic/Hebrew/Arabic/CJK character is not repaired.
 */
import { LEGACY_ENCODING_NAMES, REVERSE_TABLES } from "./legacy-encodings";
import type { LegacyEncoding } from "./legacy-encodings";
import { findCitations, isBlank } from "./citations";
import { plural, quote } from "./text";
import type { Repair } from "./types";

/** One replacement inside a string: `text.slice(start, end)` was `before` and becomes `after`. */
export interface TextFix {
  start: number;
  end: number;
  before: string;
  after: string;
}

export { findCitations };

export interface MojibakeFix extends TextFix {
  encoding: LegacyEncoding;
}

type DecodedClass = "common" | "script";

/** Code point ranges accepted as the result of decoding, as [first, last, class]. */
const DECODABLE: ReadonlyArray<readonly [number, number, DecodedClass]> = [
  [0x00a0, 0x017f, "common"], // Latin-1 Supplement, Latin Extended-A
  [0x0218, 0x021b, "common"], // Romanian ș ț
  [0x0384, 0x03ce, "script"], // Greek
  [0x0400, 0x045f, "script"], // Cyrillic (basic)
  [0x05d0, 0x05ea, "script"], // Hebrew letters
  [0x0620, 0x064a, "script"], // Arabic letters
  [0x1e00, 0x1eff, "common"], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x2027, "common"], // spaces, dashes, quotes, bullets, ellipsis
  [0x202f, 0x205e, "common"], // per mille, primes, guillemets, …
  [0x20a0, 0x20c0, "common"], // currency symbols
  [0x2100, 0x2bff, "common"], // letterlike, arrows, maths, technical, box drawing, shapes, dingbats
  [0x2e80, 0x9fff, "script"], // CJK radicals, punctuation, kana, ideographs
  [0xac00, 0xd7a3, "script"], // Hangul
  [0xf900, 0xfaff, "script"], // CJK compatibility ideographs
  [0xfe00, 0xfe0f, "common"], // variation selectors (emoji presentation)
  [0xfe30, 0xfe4f, "script"], // CJK compatibility forms
  [0xff00, 0xffef, "script"], // full-width and half-width forms
  [0x1f000, 0x1faff, "common"], // emoji and pictographs
  [0x20000, 0x3ffff, "script"], // CJK extensions
];

function classifyDecoded(codePoint: number): DecodedClass | null {
  for (const [first, last, kind] of DECODABLE) if (codePoint >= first && codePoint <= last) return kind;
  return null;
}

interface Decoded {
  start: number;
  end: number;
  codePoint: number;
  kind: DecodedClass;
}

/** Valid, plausible UTF-8 sequences in `run` when its characters are read as `bytes` of a code page. */
function scanRun(run: string, bytes: Int16Array): Decoded[] {
  const found: Decoded[] = [];
  let i = 0;
  while (i < run.length) {
    const lead = bytes[run.charCodeAt(i)] ?? -1;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= run.length) {
      let codePoint = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
      let valid = true;
      for (let k = 1; k < length; k++) {
        const byte = bytes[run.charCodeAt(i + k)] ?? -1;
        if (byte < 0x80 || byte > 0xbf) {
          valid = false;
          break;
        }
        codePoint = (codePoint << 6) | (byte & 0x3f);
      }
      // Reject overlong forms, surrogates and code points past U+10FFFF.
      if (length === 3 && (codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff))) valid = false;
      if (length === 4 && (codePoint < 0x10000 || codePoint > 0x10ffff)) valid = false;
      const kind = valid ? classifyDecoded(codePoint) : null;
      if (kind) {
        found.push({ start: i, end: i + length, codePoint, kind });
        i += length;
        continue;
      }
    }
    i++;
  }
  // A lone letter of a non-Latin script is more likely legitimate text than mojibake: "é…”" is
  // Windows-1252 for U+9154, but far more often the end of “café…”.
  if (!found.some(isScript)) return found;
  return found.filter((d, index) => {
    if (d.kind === "common") return true;
    const before = found[index - 1];
    const after = found[index + 1];
    return (before !== undefined && before.end === d.start) || (after !== undefined && after.start === d.end);
  });
}

const isScript = (d: Decoded) => d.kind === "script";

const ENCODINGS: readonly LegacyEncoding[] = ["windows-1252", "mac-roman"];

/** Each code page's byte for every UTF-16 code unit, -1 for none: a flat table is much faster to read than a Map. */
const BYTES: Readonly<Record<LegacyEncoding, Int16Array>> = {
  "windows-1252": byteTable("windows-1252"),
  "mac-roman": byteTable("mac-roman"),
};

function byteTable(encoding: LegacyEncoding): Int16Array {
  const bytes = new Int16Array(0x10000).fill(-1);
  for (const [code, byte] of REVERSE_TABLES[encoding]) bytes[code] = byte;
  return bytes;
}
const MAX_PASSES = 3;

type Tagged = Decoded & { encoding: LegacyEncoding };

/**
 * Decoded sequences in one run of non-ASCII characters: those of the code page that explains most
 * of the run, then, in the stretches it leaves, those of the other one (a line pasted together
 * from two sources can carry both kinds).
 */
function decodeRun(run: string): Tagged[] {
  let best: { encoding: LegacyEncoding; decoded: Decoded[]; bytes: number } | null = null;
  for (const encoding of ENCODINGS) {
    const decoded = scanRun(run, BYTES[encoding]);
    const bytes = decoded.reduce((sum, d) => sum + d.end - d.start, 0);
    if (bytes > 0 && (!best || bytes > best.bytes)) best = { encoding, decoded, bytes };
  }
  if (!best) return [];
  const chosen = best;
  const found: Tagged[] = chosen.decoded.map((d) => ({ ...d, encoding: chosen.encoding }));
  const gaps: Array<[number, number]> = [];
  let position = 0;
  for (const d of chosen.decoded) {
    if (d.start - position >= 2) gaps.push([position, d.start]);
    position = d.end;
  }
  if (run.length - position >= 2) gaps.push([position, run.length]);
  for (const encoding of ENCODINGS) {
    if (encoding === chosen.encoding) continue;
    for (const [from, to] of gaps) {
      for (const d of scanRun(run.slice(from, to), BYTES[encoding])) found.push({ ...d, start: from + d.start, end: from + d.end, encoding });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One pass over one run: its text after decoding, and a fix per stretch decoded (indices into `run`). */
function decodeRunOnce(run: string): { text: string; fixes: MojibakeFix[] } {
  const fixes: MojibakeFix[] = [];
  // Merge back-to-back sequences into one fix, e.g. "üêç" → "🐍" is four characters, one fix.
  let current: MojibakeFix | null = null;
  for (const d of decodeRun(run)) {
    const char = String.fromCodePoint(d.codePoint);
    if (current && current.end === d.start && current.encoding === d.encoding) {
      current.end = d.end;
      current.after += char;
    } else {
      current = { start: d.start, end: d.end, before: "", after: char, encoding: d.encoding };
      fixes.push(current);
    }
  }
  for (const fix of fixes) fix.before = run.slice(fix.start, fix.end);
  return { text: applyFixes(run, fixes), fixes };
}

/** The smallest fix turning `before` into `after`, not splitting surrogate pairs. */
function spanningFix(before: string, after: string, encoding: LegacyEncoding): MojibakeFix {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  if (prefix > 0 && /[\uD800-\uDBFF]/.test(before[prefix - 1] ?? "")) prefix--;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (suffix > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - suffix] ?? "")) suffix--;
  return { start: prefix, end: before.length - suffix, before: before.slice(prefix, before.length - suffix), after: after.slice(prefix, after.length - suffix), encoding };
}

/**
 * Find and undo mojibake in `text` (any string; lines are handled independently since line breaks
 * are ASCII). Returns the repaired text and one fix per contiguous repaired stretch, with indices
 * into the original `text`.
 *
 * Each run of non-ASCII characters is decoded until nothing changes (at most `MAX_PASSES` times),
 * which undoes text garbled twice and leaves a result that a second repair would not change.
 * Decoding only ever yields non-ASCII characters, so runs keep their ASCII boundaries.
 */
export function repairMojibake(text: string): { text: string; fixes: MojibakeFix[] } {
  const fixes: MojibakeFix[] = [];
  for (let start = 0; start < text.length; ) {
    // The next run of non-ASCII code units, found by hand (no regular expression on user text).
    while (start < text.length && text.charCodeAt(start) < 0x80) start++;
    let end = start;
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    const runStart = start;
    start = end;
    if (end - runStart < 2) continue; // every encoded sequence is at least two characters
    const run = text.slice(runStart, end);
    const first = decodeRunOnce(run);
    const firstFix = first.fixes[0];
    if (!firstFix) continue;
    let current = first.text;
    // A single character cannot hold an encoded sequence: most runs are done after one pass.
    for (let pass = 1; pass < MAX_PASSES && current.length >= 2; pass++) {
      const again = decodeRunOnce(current);
      if (again.fixes.length === 0) break;
      current = again.text;
    }
    const runFixes = current === first.text ? first.fixes : [spanningFix(run, current, firstFix.encoding)];
    for (const fix of runFixes) fixes.push({ ...fix, start: runStart + fix.start, end: runStart + fix.end });
  }
  return { text: applyFixes(text, fixes), fixes };
}

/** Apply non-overlapping fixes (sorted by `start`) to `text`. */
export function applyFixes(text: string, fixes: readonly TextFix[]): string {
  if (fixes.length === 0) return text;
  let out = "";
  let position = 0;
  for (const fix of fixes) {
    out += text.slice(position, fix.start) + fix.after;
    position = fix.end;
  }
  return out + text.slice(position);
}

/** Start of the spaces, tabs, form feeds and vertical tabs that end `line` (its length when there are none). */
export function trailingBlankStart(line: string): number {
  let start = line.length;
  while (start > 0 && isBlank(line.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * 1-based columns (code points) of UTF-16 indices of `line`, asked for in increasing order: the
 * count carries on from the previous answer, so a line with many repairs is read once per sequence
 * rather than once per repair. Asking for a smaller index starts over from the beginning.
 */
function columnCounter(line: string) {
  let index = 0;
  let column = 1;
  return (target: number): number => {
    if (target < index) {
      index = 0;
      column = 1;
    }
    for (; index < target && index < line.length; index++) {
      const code = line.charCodeAt(index);
      // Count a surrogate pair once: skip the high half.
      if (!(code >= 0xd800 && code <= 0xdbff)) column++;
    }
    return column;
  };
}

/**
 * Repair one line of a roadmap file. `lineNumber` is 1-based and only used in the reports.
 * Columns in the reports point into the original line.
 */
export function repairLine(line: string, lineNumber: number): { text: string; repairs: Repair[] } {
  const { text, repairs } = repairLineUpTo(line, lineNumber, Infinity);
  return { text, repairs };
}

/**
 * `repairLine`, describing only the first `maxDescribed` repairs by column (the parser lists at
 * most `MAX_LISTED_REPAIRS`, so describing more would be wasted work) and counting all of them.
 */
export function repairLineUpTo(line: string, lineNumber: number, maxDescribed: number): { text: string; repairs: Repair[]; count: number } {
  // Fast path: plain ASCII without trailing whitespace or citations (nearly every line).
  if (!/[\u0080-\uffff]|[ \t\f\v]$|oaicite|cite/.test(line)) return { text: line, repairs: [], count: 0 };

  const contentEnd = trailingBlankStart(line);
  const content = line.slice(0, contentEnd);
  // Citation debris first, so that text on both sides of it is repaired as one run.
  const citations = findCitations(content);
  const mojibake = repairMojibake(applyFixes(content, citations));
  const trailing = contentEnd < line.length;
  const count = citations.length + mojibake.fixes.length + (trailing ? 1 : 0);
  const repairs: Repair[] = [];
  if (maxDescribed <= 0) return { text: mojibake.text, repairs, count };

  // The citations and the mojibake fixes are each in column order, and never start at the same
  // column: merging them describes the repairs in column order, asking for columns in
  // increasing order (see columnCounter), so the line is read once.
  const columnOf = columnCounter(line);
  /**
   * Index in the text without citations → index in `line`, for indices in increasing order: the
   * citations removed at or before `index` shift it right (a pointer walks them once).
   */
  let removed = 0;
  let shift = 0;
  const original = (index: number) => {
    for (let next = citations[removed]; next && next.start - shift <= index; next = citations[removed]) {
      shift += next.end - next.start;
      removed++;
    }
    return index + shift;
  };
  /** Where a citation's debris starts, after the blanks it takes with it. */
  const debrisStartOf = (citation: TextFix | undefined) => {
    if (!citation) return Infinity;
    let start = citation.start;
    while (isBlank(line.charCodeAt(start))) start++;
    return start;
  };
  let c = 0;
  let m = 0;
  let debrisStart = debrisStartOf(citations[0]);
  while (repairs.length < maxDescribed) {
    const citation = citations[c];
    const fix = mojibake.fixes[m];
    const fixStart = fix ? original(fix.start) : Infinity;
    if (citation && debrisStart < fixStart) {
      const column = columnOf(debrisStart);
      const debris = line.slice(debrisStart, citation.end);
      repairs.push({
        line: lineNumber,
        column,
        kind: "citation",
        before: citation.before,
        after: "",
        message: `Line ${lineNumber}, column ${column}: removed chat-export citation debris ${quote(debris)}`,
      });
      c++;
      debrisStart = debrisStartOf(citations[c]);
    } else if (fix) {
      const column = columnOf(fixStart);
      repairs.push({
        line: lineNumber,
        column,
        kind: "mojibake",
        before: fix.before,
        after: fix.after,
        message: `Line ${lineNumber}, column ${column}: ${quote(fix.before)} is UTF-8 text that was decoded as ${LEGACY_ENCODING_NAMES[fix.encoding]}; replaced it with ${quote(fix.after)}`,
      });
      m++;
    } else break;
  }

  if (trailing && repairs.length < maxDescribed) {
    const column = columnOf(contentEnd);
    const whitespace = line.slice(contentEnd);
    const what = /^ +$/.test(whitespace)
      ? plural(whitespace.length, "trailing space")
      : /^\t+$/.test(whitespace)
        ? plural(whitespace.length, "trailing tab")
        : plural(whitespace.length, "trailing whitespace character");
    repairs.push({ line: lineNumber, column, kind: "trailing-whitespace", before: whitespace, after: "", message: `Line ${lineNumber}, column ${column}: removed ${what}` });
  }
  return { text: mojibake.text, repairs, count };
}
