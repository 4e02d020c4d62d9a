/**
 * Relative due dates in a title: a trailing `(due day 3)` or `(due week 2)` (decision 0030).
 *
 * Shared by every reader and writer of roadmap text (the text format here, the Markdown importer),
 * so the marker means the same everywhere:
 *
 * - It is the LAST thing in a section's or item's title, after any "(optional)":
 *   `GraphQL (optional) (due week 2)`. "due day 3" anywhere else in a title is just text.
 * - `due`, `day` and `week` in any ASCII case; spaces or tabs between the words and inside the
 *   parentheses; the number in ASCII digits, from 1. Day N is the Nth calendar day of the
 *   assignment (day 1 is its start date); week N ends on the last day of its Nth week (day 7·N).
 * - Unlike "(optional)", the marker is taken out of the title: `splitDueMarker` returns the title
 *   without it, the due, and the marker's exact text (with the spaces before it) so a writer can
 *   put it back byte for byte.
 * - A trailing parenthetical that starts like a marker (`(due day …` / `(due week …`) but is not a
 *   valid one (day 0, a sign, a fraction, a number over the limits, more words) is an error, not
 *   text: the author clearly meant a due date. `(due diligence)` does not start like one.
 *
 * Linear time: only the last "(" of the title is looked at, once.
 */

export type DueUnit = "day" | "week";

/** A due date relative to an assignment's start. */
export interface RelativeDue {
  unit: DueUnit;
  /** From 1; at most MAX_DUE_DAYS days or MAX_DUE_WEEKS weeks. */
  count: number;
}

/** Ten years: beyond any onboarding, and small enough that date math never leaves the calendar. */
export const MAX_DUE_DAYS = 3650;
export const MAX_DUE_WEEKS = 520;

export type DueSplit =
  /** No marker: the title is all text. */
  | { kind: "none" }
  /** `title` is what comes before the marker; `marker` is the marker as written, with the whitespace before it. */
  | { kind: "due"; title: string; due: RelativeDue; marker: string }
  /** Starts like a marker but is not one; `index` is where it starts in the title (the "("). */
  | { kind: "invalid"; index: number; message: string };

const NONE: DueSplit = { kind: "none" };

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** `word` (lower case) at `at`, in any ASCII case, not followed by another letter. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(at + k);
    if ((code >= 0x41 && code <= 0x5a ? code + 0x20 : code) !== word.charCodeAt(k)) return false;
  }
  return !isAsciiLetter(text.charCodeAt(at + word.length));
}

function skipBlanks(text: string, at: number, end: number): number {
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at;
}

export function maxDueCount(unit: DueUnit): number {
  return unit === "day" ? MAX_DUE_DAYS : MAX_DUE_WEEKS;
}

export function isValidDue(due: { unit: string; count: number }): due is RelativeDue {
  return (due.unit === "day" || due.unit === "week") && Number.isInteger(due.count) && due.count >= 1 && due.count <= maxDueCount(due.unit);
}

/** Splits a title into the title proper and its trailing due marker, if any. */
export function splitDueMarker(title: string): DueSplit {
  let end = title.length;
  while (end > 0 && isBlank(title.charCodeAt(end - 1))) end--;
  if (end === 0 || title.charCodeAt(end - 1) !== 0x29 /* ) */) return NONE;
  const open = title.lastIndexOf("(", end - 1);
  if (open === -1) return NONE;
  const close = end - 1;
  let at = skipBlanks(title, open + 1, close);
  if (!wordAt(title, at, "due")) return NONE;
  const afterDue = at + 3;
  at = skipBlanks(title, afterDue, close);
  if (at === afterDue) return NONE; // "(due…" glued to something else, or "(due)"
  const unit: DueUnit | null = wordAt(title, at, "day") ? "day" : wordAt(title, at, "week") ? "week" : null;
  if (unit === null) return NONE; // "(due diligence)", "(due soon)": text
  const invalid = (message: string): DueSplit => ({ kind: "invalid", index: open, message });
  at += unit.length;
  const digitsStart = skipBlanks(title, at, close);
  let digitsEnd = digitsStart;
  while (digitsEnd < close) {
    const code = title.charCodeAt(digitsEnd);
    if (code < 0x30 || code > 0x39) break;
    digitsEnd++;
  }
  const example = `(due ${unit} 3)`;
  if (digitsStart === at && digitsEnd > digitsStart) return invalid(`write a space between "${unit}" and its number, e.g. "${example}"`);
  if (digitsEnd === digitsStart) return invalid(`a due marker needs a whole number of ${unit}s from 1, e.g. "${example}"`);
  if (skipBlanks(title, digitsEnd, close) !== close) return invalid(`a due marker is "(due day N)" or "(due week N)" with a whole number N from 1, e.g. "${example}"`);
  const max = maxDueCount(unit);
  // Leading zeros are allowed ("day 03"); more than 9 digits is out of range whatever they are.
  const digits = title.slice(digitsStart, digitsEnd).replace(/^0+(?=\d)/, "");
  const count = digits.length > 9 ? Number.POSITIVE_INFINITY : Number(digits);
  if (count < 1) return invalid(`${unit}s count from 1 (${unit} 1 is the assignment's first ${unit})`);
  if (count > max) return invalid(`a due date can be at most ${unit} ${max.toLocaleString("en-US")}`);
  let titleEnd = open;
  while (titleEnd > 0 && isBlank(title.charCodeAt(titleEnd - 1))) titleEnd--;
  if (titleEnd === 0) return invalid("write the title before its due marker");
  return { kind: "due", title: title.slice(0, titleEnd), due: { unit, count }, marker: title.slice(titleEnd) };
}

/** The marker in its canonical spelling: "(due day 3)". */
export function formatDueMarker(due: RelativeDue): string {
  return `(due ${due.unit} ${due.count})`;
}

/**
 * What a writer appends to a title for `due`: the marker as it was written (`written`, from
 * `splitDueMarker`) when it still says the same due, else " " and the canonical spelling.
 */
export function dueMarkerSuffix(due: RelativeDue, written?: string): string {
  if (written !== undefined) {
    const split = splitDueMarker(`x${written}`);
    if (split.kind === "due" && split.title === "x" && split.due.unit === due.unit && split.due.count === due.count) return written;
  }
  return ` ${formatDueMarker(due)}`;
}

/** "day 3", "week 2": how the UI names a relative due. */
export function describeDue(due: RelativeDue): string {
  return `${due.unit} ${due.count}`;
}

/** Days after the start date on which `due` falls: day 1 is the start date itself, week N its 7·N-th day. */
export function dueOffsetDays(due: RelativeDue): number {
  return due.unit === "day" ? due.count - 1 : due.count * 7 - 1;
}

/** The earlier of two dues (by the day they fall on); null counts as "no due". */
export function earlierDue(a: RelativeDue | null, b: RelativeDue | null): RelativeDue | null {
  if (a === null) return b;
  if (b === null) return a;
  return dueOffsetDays(b) < dueOffsetDays(a) ? b : a;
}
