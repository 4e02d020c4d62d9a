/**
 * Citation markers left behind when text is copied out of a chat assistant, each found with the
 * spaces or tabs (and \f, \v) directly before it:
 * - ":contentReference[oaicite:4]{index=4}" and a bare "[oaicite:4]"
 * - "【4†source】", "【12:3†L10-L20】" (browsing citations)
 * - "\uE200cite\uE202turn0search1\uE201" (private-use delimiters) and the same with the delimiters
 *   stripped, "citeturn0search3turn1news2".
 *
 * Scanned by hand, in time linear in the text: each marker is located by its opening literal with
 * `indexOf` and checked forwards. The same markers written as regular expressions (kept as the
 * reference in `citations.test.ts`) were quadratic in V8's backtracking engine: a leading
 * `[ \t]*` is retried from every space of a long run, and an unclosed "【1†" or "\uE200x\uE202"
 * rescanned the rest of the line for each opener (docs/decisions/0015-linear-roadmap-parsing.md).
 */
import type { TextFix } from "./repair";

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLowerAscii = (code: number) => code >= 0x61 && code <= 0x7a;
/** `\w` of a non-Unicode regular expression: what `\b` looks at. */
const isWordChar = (code: number) => isDigit(code) || isLowerAscii(code) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
/** Whitespace a citation takes with it: space, tab, form feed, vertical tab. */
export const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0c || code === 0x0b;

/** End of the run of digits starting at `from` (`from` itself when there is none). */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Start of the run of blanks that ends at `end`, going back no further than `floor`. */
function blanksStart(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * The first occurrence at or after `from` of `close` or of a line break, or -1. Remembers its last
 * answer: the scanners ask with growing `from`, and an answer found after `from` stays the answer
 * for every later `from` up to it, so the text is read once however many openers lack a closer.
 */
function closerFinder(text: string, close: string) {
  let askedFrom = -1;
  let found = -1;
  return (from: number): number => {
    if (askedFrom !== -1 && from >= askedFrom && (found === -1 || from <= found)) return found;
    askedFrom = from;
    found = -1;
    for (let i = from; i < text.length; i++) {
      const char = text[i];
      if (char === close || char === "\n" || char === "\r") {
        found = i;
        break;
      }
    }
    return found;
  };
}

type Span = readonly [start: number, end: number];

const CONTENT_REFERENCE = ":contentReference";
const OAICITE = "[oaicite:";

/** ":contentReference[oaicite:4]{index=4}", "[oaicite:4]": the prefix and the `{index=N}` are optional. */
function oaiciteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf(OAICITE); at !== -1; at = text.indexOf(OAICITE, at + 1)) {
    const number = at + OAICITE.length;
    const numberEnd = digitsEnd(text, number);
    if (numberEnd === number || text[numberEnd] !== "]") continue;
    let end = numberEnd + 1;
    if (text.startsWith("{index=", end)) {
      const index = end + "{index=".length;
      const indexEnd = digitsEnd(text, index);
      if (indexEnd > index && text[indexEnd] === "}") end = indexEnd + 1;
    }
    const prefixed = at - CONTENT_REFERENCE.length >= floor && text.startsWith(CONTENT_REFERENCE, at - CONTENT_REFERENCE.length);
    const core = prefixed ? at - CONTENT_REFERENCE.length : at;
    spans.push([blanksStart(text, core, floor), end]);
    floor = end;
    at = end - 1;
  }
  return spans;
}

/** "【4†source】", "【12:3†L10-L20】": digits, optionally ":digits", a dagger, anything up to "】" on the same line. */
function browsingSpans(text: string): Span[] {
  const spans: Span[] = [];
  const closer = closerFinder(text, "】");
  let floor = 0;
  for (let at = text.indexOf("【"); at !== -1; at = text.indexOf("【", at + 1)) {
    let i = digitsEnd(text, at + 1);
    if (i === at + 1) continue;
    if (text[i] === ":") {
      const part = digitsEnd(text, i + 1);
      if (part > i + 1) i = part;
    }
    if (text[i] !== "†") continue;
    const close = closer(i + 1);
    if (close === -1 || text[close] !== "】") continue;
    spans.push([blanksStart(text, at, floor), close + 1]);
    floor = close + 1;
    at = close;
  }
  return spans;
}

/** "\uE200cite\uE202turn0search1\uE201": a lower-case name, then anything up to "\uE201" on the same line. */
function delimitedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const closer = closerFinder(text, "\uE201");
  let floor = 0;
  for (let at = text.indexOf("\uE200"); at !== -1; at = text.indexOf("\uE200", at + 1)) {
    let i = at + 1;
    while (i < text.length && (isLowerAscii(text.charCodeAt(i)) || text[i] === "_")) i++;
    if (i === at + 1 || text[i] !== "\uE202") continue;
    const close = closer(i + 1);
    if (close === -1 || text[close] !== "\uE201") continue;
    spans.push([blanksStart(text, at, floor), close + 1]);
    floor = close + 1;
    at = close;
  }
  return spans;
}

/** One "turn<digits><letters><digits>" at `from`: its end, or -1. */
function turnEnd(text: string, from: number): number {
  if (!text.startsWith("turn", from)) return -1;
  const number = from + 4;
  const numberEnd = digitsEnd(text, number);
  if (numberEnd === number) return -1;
  let letters = numberEnd;
  while (letters < text.length && isLowerAscii(text.charCodeAt(letters))) letters++;
  if (letters === numberEnd) return -1;
  const end = digitsEnd(text, letters);
  return end === letters ? -1 : end;
}

/** "citeturn0search3turn1news2": "cite" at the start of a word, then one or more turns. */
function strippedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf("cite"); at !== -1; at = text.indexOf("cite", at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    let end = at + 4;
    for (let next = turnEnd(text, end); next !== -1; next = turnEnd(text, end)) end = next;
    if (end === at + 4) continue;
    spans.push([blanksStart(text, at, floor), end]);
    floor = end;
    at = end - 1;
  }
  return spans;
}

/** Spans of citation debris in `text`, sorted and non-overlapping (where two overlap, the earlier, then the longer, wins). */
export function findCitations(text: string): TextFix[] {
  const spans = [...oaiciteSpans(text), ...browsingSpans(text), ...delimitedSpans(text), ...strippedSpans(text)];
  if (spans.length === 0) return [];
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: TextFix[] = [];
  for (const [start, end] of spans) {
    const last = kept[kept.length - 1];
    if (last && start < last.end) continue;
    kept.push({ start, end, before: text.slice(start, end), after: "" });
  }
  return kept;
}
