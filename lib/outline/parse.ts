/**
 * Parse the roadmap text format.
 *
 * The format (see `seed/python-backend-roadmap.txt`):
 *
 *     # 🐍 PYTHON BACKEND ROADMAP            ← header: `#` lines (and blank lines) at the top
 *     # Rule: only "-" bullets + indentation
 *
 *     =====================================  ← section: a title between two lines of `=`
 *     FOUNDATIONS (backend prerequisites)       (3 or more `=`; the two widths may differ)
 *     =====================================
 *
 *     - Python runtime mastery               ← item: bullet `-`, `*` or `+`, one space, text
 *       - functions                          ← indentation gives the depth, one level at a time
 *         Notes about functions.             ← description: text one level under an item, directly below it
 *       - GraphQL (optional)                 ← "(optional…)" in the text marks the item optional
 *       - Auth (due week 2)                  ← a trailing "(due day N)" / "(due week N)": see due-marker.ts
 *
 * Sections are optional: a file without `=` lines is a list of items. A file that has sections
 * cannot have items before the first one.
 *
 * Accepted variations, kept as they are (so `serializeOutline(parse(x))` gives `x` back): a BOM;
 * LF, CRLF or CR line endings; any number of spaces or a tab per level (detected per file, see
 * `indentation.ts`); `-`, `*` and `+` bullets (each item keeps its own); any number of blank lines
 * between things; banners of any width; a missing final newline; blank lines at the end.
 *
 * Repaired and reported (the repaired text is what serializes): mojibake, chat citation debris,
 * trailing whitespace (`repair.ts`); line endings that differ from the file's majority; tab/space
 * indentation not in the file's style; more than one space or a tab after a bullet; spaces around
 * a section title.
 *
 * Errors (nothing is imported from a file with any): see `ParseErrorCode`. Parsing stops after
 * `MAX_ERRORS` errors.
 */
import { splitDueMarker } from "./due-marker";
import type { RelativeDue } from "./due-marker";
import { detectIndentation, describeIndent, indentLevel } from "./indentation";
import type { IndentStyle } from "./indentation";
import { repairLineUpTo } from "./repair";
import { MAX_LISTED_REPAIRS, RepairList } from "./repair-list";
import { fileTooLarge, longLineErrors } from "./input-limits";
import { codePointLength, describeNewline, plural, quote, splitLines } from "./text";
import type {
  BulletChar,
  Newline,
  ParseError,
  ParseErrorCode,
  ParseOptions,
  ParseResult,
  ParseWarning,
  Repair,
  OutlineDocument,
  OutlineFormat,
  OutlineItem,
  OutlineSection,
} from "./types";

/** Largest accepted file: 1 MiB of UTF-8. */
export const MAX_OUTLINE_BYTES = 1024 * 1024;
/** Most items accepted in one file. */
export const MAX_OUTLINE_ITEMS = 5000;
/**
 * Most sections accepted in one file (the seed has 15). Without a limit, 1 MiB of "===\nT\n===\n"
 * made 100,000 sections: a 17 MB preview and as many rows to insert.
 */
export const MAX_OUTLINE_SECTIONS = 1000;
/** Parsing stops collecting errors after this many. */
export const MAX_ERRORS = 100;
/** Banner width for sections written without one (the seed's). */
export const DEFAULT_BANNER_WIDTH = 69;

/**
 * Longest accepted line, in characters (code points), indentation included. Real lines are far
 * shorter (the seed's longest is 127); the editor allows descriptions of 10,000 characters
 * (`MAX_NODE_DESCRIPTION`), which export as one line each under their item's indentation, so an
 * exported version always imports again. Lines are checked before any other work is done on them.
 */
export const MAX_LINE_LENGTH = 12_000;

const OPTIONAL = "optional";

/**
 * The title carries a parenthetical that starts with "optional": "(optional)", "(Optional)",
 * "( optional but common)". The same as the regular expression `/\(\s*optional\b[^)]*\)/i`, scanned
 * by hand in linear time: that expression rescans the rest of the title for each unclosed
 * "(optional" (quadratic on "(optional(optional(optional…").
 */
export function isOptionalTitle(title: string): boolean {
  // `[^)]*\)` matches exactly when a ")" follows somewhere: the last one is the only one to check.
  const lastClose = title.lastIndexOf(")");
  for (let open = title.indexOf("("); open !== -1 && open < lastClose; open = title.indexOf("(", open + 1)) {
    let word = open + 1;
    while (word < title.length && /\s/.test(title.charAt(word))) word++;
    const end = word + OPTIONAL.length;
    if (end <= lastClose && isOptionalWord(title, word) && !isWordChar(title.charCodeAt(end))) return true;
  }
  return false;
}

/**
 * What an item's text says about the item: its title, whether it is optional and its due marker
 * (`due-marker.ts`). The Markdown reader (`markdown.ts`, for a list item's, a deep heading's or a
 * section heading's text once its Markdown is read) builds its nodes from it, so the markers mean
 * the same in both formats; this reader splits the due marker itself, for the error's column.
 */
export function itemFromText(text: string): ItemText {
  const split = splitDueMarker(text);
  if (split.kind === "due") return { title: split.title, optional: isOptionalTitle(split.title), due: split.due };
  return { title: text, optional: isOptionalTitle(text), ...(split.kind === "invalid" && { invalidDue: split.message }) };
}

/** A title as read from a bullet's (or a heading's) text: the due marker taken off, or why it is not one. */
export interface ItemText {
  title: string;
  optional: boolean;
  due?: RelativeDue;
  /** The text ends like a due marker that is not a valid one: the message for an invalid-due error. */
  invalidDue?: string;
}

/** "optional" in any mix of ASCII case at `at` (the `i` flag without `u` folds ASCII letters only). */
function isOptionalWord(text: string, at: number): boolean {
  for (let k = 0; k < OPTIONAL.length; k++) {
    const code = text.charCodeAt(at + k);
    if ((code >= 0x41 && code <= 0x5a ? code + 0x20 : code) !== OPTIONAL.charCodeAt(k)) return false;
  }
  return true;
}

/** `\w` without the `u` flag; NaN (past the end) is not a word character, like the end of input for `\b`. */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

type Line =
  | { kind: "blank" }
  | { kind: "banner"; width: number }
  | { kind: "bullet"; indent: string; bullet: BulletChar; gap: string; text: string }
  | { kind: "text"; indent: string; text: string };

const BANNER = /^={3,}$/;
const BULLET = /^([ \t]*)([-*+])(?:([ \t]+)(.*))?$/s; // `s`: the text may hold U+2028/U+2029
const INDENT = /^[ \t]*/;

const BLANK: Line = { kind: "blank" }; // one object for every blank line: a file can have a million

function classify(line: string): Line {
  if (line === "") return BLANK;
  if (BANNER.test(line)) return { kind: "banner", width: line.length };
  const bullet = BULLET.exec(line);
  if (bullet) {
    return { kind: "bullet", indent: bullet[1] ?? "", bullet: (bullet[2] ?? "-") as BulletChar, gap: bullet[3] ?? "", text: bullet[4] ?? "" };
  }
  const indent = INDENT.exec(line)?.[0] ?? "";
  return { kind: "text", indent, text: line.slice(indent.length) };
}

class TooManyErrors extends Error {}

export function parseOutline(text: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_OUTLINE_BYTES;
  const maxItems = options.maxItems ?? MAX_OUTLINE_ITEMS;
  const maxLineLength = options.maxLineLength ?? MAX_LINE_LENGTH;
  const maxSections = options.maxSections ?? MAX_OUTLINE_SECTIONS;
  const errors: ParseError[] = [];
  const repairs = new RepairList();
  /** Records a repair on `line`, describing it only if it can still be listed. */
  const repaired = (line: number, describe: () => Repair) => {
    if (repairs.wants(line)) repairs.add(describe());
    else repairs.skip(1);
  };
  const warnings: ParseWarning[] = [];

  const tooLarge = fileTooLarge(text, maxBytes);
  if (tooLarge) return { ok: false, errors: [tooLarge], repairs: [], repairCount: 0, warnings };

  const fail = (line: number, column: number, code: ParseErrorCode, detail: string) => {
    errors.push({ line, column, code, message: `Line ${line}, column ${column}: ${detail}` });
    if (errors.length >= MAX_ERRORS) throw new TooManyErrors();
  };

  // Byte-order mark: a real one is kept; one that was itself mis-decoded is removed.
  let body = text;
  let bom = false;
  if (body.startsWith("\uFEFF")) {
    bom = true;
    body = body.slice(1);
  } else {
    const garbled = ["ï»¿", "Ôªø"].find((prefix) => body.startsWith(prefix));
    if (garbled) {
      body = body.slice(garbled.length);
      repairs.add({
        line: 1,
        column: 1,
        kind: "mojibake",
        before: garbled,
        after: "",
        message: `Line 1, column 1: removed ${quote(garbled)}, a byte-order mark that was decoded as ${garbled === "ï»¿" ? "Windows-1252" : "Mac OS Roman"}`,
      });
    }
  }

  // Lines, each no longer than the limit: nothing else reads a line before this check.
  const split = splitLines(body);
  errors.push(...longLineErrors(split.lines, maxLineLength, MAX_ERRORS));
  if (errors.length > 0) return { ok: false, errors, repairs: repairs.list(), repairCount: repairs.count, warnings };

  // Line endings.
  const newline = majorityNewline(split.terminators);
  split.terminators.forEach((terminator, i) => {
    if (terminator !== "" && terminator !== newline) {
      repaired(i + 1, () => ({
        line: i + 1,
        kind: "line-ending",
        before: terminator,
        after: newline,
        message: `Line ${i + 1}: changed the ${describeNewline(terminator)} line ending to ${describeNewline(newline)}, like the rest of the file`,
      }));
    }
  });

  // Line repairs.
  const lines = split.lines.map((raw, i) => {
    const line = repairLineUpTo(raw, i + 1, repairs.wants(i + 1) ? MAX_LISTED_REPAIRS : 0);
    for (const repair of line.repairs) repairs.add(repair);
    repairs.skip(line.count - line.repairs.length);
    return line.text;
  });
  const classified = lines.map(classify);

  // Header: blank lines and `#` lines at the left margin, up to the first other line.
  let headerEnd = 0;
  while (headerEnd < classified.length) {
    const line = classified[headerEnd];
    if (!line || !(line.kind === "blank" || (line.kind === "text" && line.indent === "" && line.text.startsWith("#")))) break;
    headerEnd++;
  }
  let headerLength = headerEnd;
  while (headerLength > 0 && classified[headerLength - 1]?.kind === "blank") headerLength--;
  const header = lines.slice(0, headerLength);

  const bulletLines = classified.filter((line): line is Extract<Line, { kind: "bullet" }> => line.kind === "bullet");
  // Indentation is learnt from bullets and from indented text (descriptions) after the header.
  const indents: string[] = [];
  for (let i = headerEnd; i < classified.length; i++) {
    const line = classified[i];
    if (line?.kind === "bullet" || (line?.kind === "text" && line.indent !== "")) indents.push(line.indent);
  }
  const style: IndentStyle = detectIndentation(indents);
  const usesSections = classified.some((line) => line.kind === "banner");

  const sections: OutlineSection[] = [];
  const rootItems: OutlineItem[] = [];
  let section: OutlineSection | null = null;
  let stack: OutlineItem[] = [];
  let lastItem: OutlineItem | null = null;
  let descriptionOpen = false;
  let pendingBlank = headerEnd - headerLength;
  let itemCount = 0;
  let reportedStrayItem = false;

  const levelOf = (indent: string, lineNumber: number): number => {
    const result = indentLevel(indent, style);
    if (!result.ok) {
      fail(lineNumber, 1, result.code, result.reason);
      return result.approximateLevel;
    }
    if (result.normalized) {
      // Rewritten in the file's unit, a tab becomes `width` spaces: 12,000 tabs in a file that
      // indents by 1,000 spaces would be 12 million characters, for one line.
      const length = result.level * style.unit.length;
      if (length > maxLineLength) {
        fail(
          lineNumber,
          1,
          "line-too-long",
          `this line's indentation, rewritten in the file's style (${describeIndent(style.unit)} per level), would be ${plural(length, "character")} long, over the limit of ${plural(maxLineLength, "character")} per line`,
        );
        return result.level;
      }
      repaired(lineNumber, () => {
        const after = style.unit.repeat(result.level);
        return {
          line: lineNumber,
          column: 1,
          kind: "indentation",
          before: indent,
          after,
          message: `Line ${lineNumber}, column 1: rewrote the indentation (${describeIndent(indent)}) as level ${result.level} in the file's style (${describeIndent(after)})`,
        };
      });
    }
    return result.level;
  };

  try {
    for (let i = headerEnd; i < classified.length; i++) {
      const line = classified[i];
      const lineNumber = i + 1;
      if (!line) break;

      if (line.kind === "blank") {
        pendingBlank++;
        descriptionOpen = false;
        continue;
      }

      if (line.kind === "banner") {
        const titleLine = classified[i + 1];
        if (!titleLine || titleLine.kind === "blank" || titleLine.kind === "banner") {
          const where = titleLine ? lineNumber + 1 : lineNumber;
          fail(
            where,
            1,
            "empty-section-title",
            titleLine?.kind === "blank"
              ? "expected a section title directly under the line of '='; a section is a title between two lines of '='"
              : titleLine
                ? "two lines of '=' in a row; a section is a title between two lines of '='"
                : "the file ends with a line of '='; a section is a title between two lines of '='",
          );
          // Two '=' lines in a row: the second opens the next section only if a banner closes it.
          if (titleLine?.kind === "banner" && classified[i + 3]?.kind !== "banner") i++;
          continue;
        }
        const rawTitle = lines[i + 1] ?? "";
        const title = rawTitle.trim();
        if (title !== rawTitle) {
          repaired(lineNumber + 1, () => ({
            line: lineNumber + 1,
            column: 1,
            kind: "spacing",
            before: rawTitle,
            after: title,
            message: `Line ${lineNumber + 1}, column 1: removed the spaces before the section title ${quote(title)}`,
          }));
        }
        if (title === "") fail(lineNumber + 1, 1, "empty-section-title", "the section title is empty; a section is a title between two lines of '='");
        const sectionDue = splitDueMarker(title);
        if (sectionDue.kind === "invalid") {
          fail(lineNumber + 1, codePointLength(rawTitle.slice(0, rawTitle.indexOf(title) + sectionDue.index)) + 1, "invalid-due", sectionDue.message);
        }
        const close = classified[i + 2];
        const closed = close?.kind === "banner";
        if (!closed) {
          fail(
            close ? lineNumber + 2 : lineNumber + 1,
            1,
            "unclosed-section-banner",
            `expected a line of '=' under the section title ${quote(title)}; a section is a title between two lines of '='`,
          );
        }
        const sectionTitle = sectionDue.kind === "due" ? sectionDue.title : title;
        section = {
          title: sectionTitle,
          optional: isOptionalTitle(sectionTitle),
          ...(sectionDue.kind === "due" && { due: sectionDue.due }),
          line: lineNumber + 1,
          items: [],
          layout: {
            blankLinesBefore: pendingBlank,
            openBanner: line.width,
            closeBanner: closed ? close.width : line.width,
            ...(sectionDue.kind === "due" && { dueMarker: sectionDue.marker }),
          },
        };
        sections.push(section);
        if (sections.length > maxSections) {
          fail(lineNumber + 1, 1, "too-many-sections", `this is section ${sections.length.toLocaleString("en-US")}; a roadmap can have at most ${plural(maxSections, "section")}`);
          break;
        }
        stack = [];
        lastItem = null;
        descriptionOpen = false;
        pendingBlank = 0;
        i += closed ? 2 : 1;
        continue;
      }

      if (line.kind === "bullet") {
        const column = line.indent.length + 1;
        if (usesSections && !section && !reportedStrayItem) {
          reportedStrayItem = true;
          fail(lineNumber, column, "item-before-section", "this item comes before the first section; this file uses sections (a title between two lines of '='), so every item must be under one");
        }
        let level = levelOf(line.indent, lineNumber);
        if (level > stack.length) {
          const previous = stack[stack.length - 1];
          fail(
            lineNumber,
            column,
            "indent-jump",
            previous
              ? `indentation jumps from level ${previous.depth} to level ${level}; indent by one level at a time`
              : `the first item ${section ? "of a section" : "in the file"} is indented (level ${level}); start it at the left margin`,
          );
          level = stack.length;
        }
        if (line.text.trim() === "") {
          fail(lineNumber, column, "empty-item", `the item has no text; write it after the '${line.bullet}' or delete the line`);
        } else if (line.gap !== " ") {
          repaired(lineNumber, () => ({
            line: lineNumber,
            column: column + 1,
            kind: "spacing",
            before: line.gap,
            after: " ",
            message: `Line ${lineNumber}, column ${column + 1}: replaced ${describeIndent(line.gap)} after the bullet with one space`,
          }));
        }
        const itemDue = splitDueMarker(line.text);
        if (itemDue.kind === "invalid") {
          fail(lineNumber, column + 1 + codePointLength(line.gap) + codePointLength(line.text.slice(0, itemDue.index)), "invalid-due", itemDue.message);
        }
        stack.length = level;
        const itemTitle = itemDue.kind === "due" ? itemDue.title : line.text;
        const item: OutlineItem = {
          title: itemTitle,
          optional: isOptionalTitle(itemTitle),
          ...(itemDue.kind === "due" && { due: itemDue.due }),
          depth: level,
          line: lineNumber,
          children: [],
          layout: { blankLinesBefore: pendingBlank, bullet: line.bullet, ...(itemDue.kind === "due" && { dueMarker: itemDue.marker }) },
        };
        const parent = stack[level - 1];
        if (parent) parent.children.push(item);
        else (section ? section.items : rootItems).push(item);
        stack.push(item);
        lastItem = item;
        descriptionOpen = true;
        pendingBlank = 0;
        itemCount++;
        if (itemCount > maxItems) {
          fail(lineNumber, column, "too-many-items", `this is item ${itemCount.toLocaleString("en-US")}; a roadmap can have at most ${plural(maxItems, "item")}`);
          break;
        }
        continue;
      }

      // Plain text: a description line, a misplaced comment, or something unexpected.
      if (descriptionOpen && lastItem && line.indent !== "") {
        const result = indentLevel(line.indent, style);
        if (result.ok && result.level === lastItem.depth + 1) {
          levelOf(line.indent, lineNumber); // reports a rewritten indentation
          lastItem.description = lastItem.description === undefined ? line.text : `${lastItem.description}\n${line.text}`;
          continue;
        }
        if (!result.ok) {
          fail(lineNumber, 1, result.code, result.reason);
          continue;
        }
        if (result.level > lastItem.depth) {
          fail(
            lineNumber,
            line.indent.length + 1,
            "description-indent",
            `text under an item must be indented exactly one level deeper than the item (level ${lastItem.depth + 1}); this line is at level ${result.level}`,
          );
          continue;
        }
      }
      const column = line.indent.length + 1;
      if (line.indent === "" && line.text.startsWith("#")) {
        fail(lineNumber, column, "comment-not-at-top", "'#' comment lines are only allowed at the top of the file, before the first section or item");
      } else if (/^[-*+]\S/.test(line.text)) {
        fail(lineNumber, column, "unexpected-text", `a bullet needs a space after it: write ${quote(`${line.text[0]} ${line.text.slice(1)}`)}`);
      } else if (lastItem && line.indent !== "" && pendingBlank > 0) {
        fail(lineNumber, column, "unexpected-text", "text under an item must follow it directly, without a blank line in between");
      } else {
        fail(
          lineNumber,
          column,
          "unexpected-text",
          `expected an item ("- text"), a section (a title between two lines of '='), or a blank line, but found ${quote(line.text)}`,
        );
      }
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) throw error;
  }

  if (errors.length > 0) return { ok: false, errors, repairs: repairs.list(), repairCount: repairs.count, warnings };

  for (const s of sections) {
    if (s.items.length === 0) warnings.push({ line: s.line, code: "empty-section", message: `Line ${s.line}: the section ${quote(s.title)} has no items` });
  }
  if (itemCount === 0) warnings.push({ line: 1, code: "no-items", message: "Line 1: the file has no items" });

  const format: OutlineFormat = {
    bom,
    newline,
    indent: style.unit,
    bullet: mostCommonBullet(bulletLines),
    bannerWidth: sections[0]?.layout.openBanner ?? DEFAULT_BANNER_WIDTH,
    finalNewline: split.finalNewline,
    trailingBlankLines: pendingBlank,
  };
  const document: OutlineDocument = { header, title: headerTitle(header), sections, items: rootItems, format };
  return { ok: true, document, repairs: repairs.list(), repairCount: repairs.count, warnings };
}

function majorityNewline(terminators: ReadonlyArray<Newline | "">): Newline {
  const counts = new Map<Newline, number>();
  for (const terminator of terminators) if (terminator !== "") counts.set(terminator, (counts.get(terminator) ?? 0) + 1);
  let best: Newline = "\n";
  let bestCount = 0;
  // Map iteration follows first appearance, so a tie goes to the ending seen first.
  for (const [terminator, count] of counts) {
    if (count > bestCount) {
      best = terminator;
      bestCount = count;
    }
  }
  return best;
}

function mostCommonBullet(lines: ReadonlyArray<{ bullet: BulletChar }>): BulletChar {
  const counts: Record<BulletChar, number> = { "-": 0, "*": 0, "+": 0 };
  for (const line of lines) counts[line.bullet]++;
  return counts["*"] > counts["-"] && counts["*"] >= counts["+"] ? "*" : counts["+"] > counts["-"] && counts["+"] > counts["*"] ? "+" : "-";
}

function headerTitle(header: readonly string[]): string | null {
  for (const line of header) {
    const title = line.replace(/^#+\s*/, "").trim();
    if (line.startsWith("#") && title !== "") return title;
  }
  return null;
}
