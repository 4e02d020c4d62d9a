/**
 * Read a roadmap written in Markdown (decision 0031). The result is the same `ParseResult` as the
 * text format's (`parse.ts`), so the preview, the import and the stored tree do not care which
 * format a roadmap came in; items may also carry links (`resources`).
 *
 * The dialect, line by line (CommonMark's block rules, simplified to what a checklist uses):
 *
 *     # Onboarding                      ← the title, when it is the document's only `#` heading
 *                                         and comes before any list item; otherwise a section
 *     Intro paragraph.                  ← text outside any item: left out, and reported
 *
 *     ## Week 1                         ← `#`, `##`, `###` headings: sections (one level; Cairn's
 *                                         sections do not nest)
 *     - [ ] Get a laptop (optional)     ← `-`, `*`, `+` and `1.`/`1)` list items are items; the task
 *       Ask IT on day one.                 box `[ ]`/`[x]` is dropped (a track has no done state:
 *                                          progress is each hire's); a line under an item, indented
 *       Links: [IT portal](https://…)      or directly below it, is its description (blank lines
 *       - [ ] Set up [SSO](https://…)      kept); a "Links:" line of links only adds links
 *     #### Accounts                     ← `####` to `######` headings: an item at the top of the
 *     - [ ] Email                         current section, and the list that follows nests under it
 *
 * - Nesting follows indentation: an item indented further than the one above is its child (tabs
 *   count to the next multiple of 4 columns). An item's text (after the task box) and a heading's
 *   text read links and escapes (`markdown-inline.ts`): `[text](https://…)` leaves "text" in the
 *   title and adds the link to the item; a link that is not http(s) keeps its text and is reported.
 *   The title then goes through `itemFromText`, the text format's own handling of a bullet's text
 *   ("(optional)" marks an optional item, and whatever markers that function reads).
 * - A description is Markdown and is kept as written, with its links, except that one backslash
 *   before `- * + # _ \` ~ 0-9` at the start of a line is removed (the export writes it so a line
 *   like "- not an item" stays in the description), and a "Links:" line becomes links.
 * - Code fences (``` or ~~~) under an item are part of its description; elsewhere they are left
 *   out like any paragraph. Thematic breaks (`---`) are ignored; YAML front matter at the very top
 *   is left out and reported. Headings count only at the left margin; setext headings (a line
 *   underlined with `===`) are not read: a file with `===` banners is the text format.
 *
 * Errors, as in the text format: the file size, line length, item and section limits; an item
 * with no text; an empty heading; items before the first section of a file that has sections.
 * Repairs, as in the text format, per line (mojibake, citation debris, trailing whitespace).
 *
 * Linear in the input (decision 0015): every line is classified once by hand-written scans, and
 * the inline scan is linear (see `markdown-inline.ts`).
 */
import { parseInline } from "./markdown-inline";
import type { InlineLink } from "./markdown-inline";
import { MAX_ERRORS, MAX_LINE_LENGTH, MAX_OUTLINE_BYTES, MAX_OUTLINE_ITEMS, MAX_OUTLINE_SECTIONS, itemFromText } from "./parse";
import { fileTooLarge, longLineErrors } from "./input-limits";
import { repairLineUpTo } from "./repair";
import { MAX_LISTED_REPAIRS, RepairList } from "./repair-list";
import { DEFAULT_FORMAT } from "./serialize";
import { plural, quote, splitLines } from "./text";
import type { ParseError, ParseErrorCode, ParseOptions, ParseResult, ParseWarning, Repair, OutlineDocument, OutlineItem, OutlineResource, OutlineSection } from "./types";

/** Most links an item keeps (the editor's limit, `MAX_RESOURCES`); later ones keep their text only. */
export const MAX_ITEM_LINKS = 20;
/** Longest link address kept (the editor's limit). */
export const MAX_LINK_URL_LENGTH = 2000;
/** Longest link title kept (the editor's limit); longer text is cut. */
export const MAX_LINK_TITLE_LENGTH = 200;

/** Characters after which a leading backslash in a description line is the export's escape. */
export const DESCRIPTION_ESCAPABLE = "-*+#_\\`~0123456789";

const TAB_WIDTH = 4;

type MdLine =
  | { kind: "blank" }
  | { kind: "heading"; level: number; text: string; column: number }
  | { kind: "item"; indent: number; contentColumn: number; text: string; column: number }
  | { kind: "break" }
  | { kind: "fence"; indent: number; char: string; length: number }
  | { kind: "text"; indent: number };

const BLANK: MdLine = { kind: "blank" };
const BREAK: MdLine = { kind: "break" };

/** Columns of leading blanks (tabs to the next multiple of 4) and the index after them. */
export function leadingBlanks(line: string): { end: number; columns: number } {
  let columns = 0;
  let end = 0;
  for (; end < line.length; end++) {
    const code = line.charCodeAt(end);
    if (code === 0x20) columns++;
    else if (code === 0x09) columns += TAB_WIDTH - (columns % TAB_WIDTH);
    else break;
  }
  return { end, columns };
}

/** `line` without its first `columns` columns of indentation (a tab that straddles the limit goes too). */
function stripColumns(line: string, columns: number): string {
  let column = 0;
  let at = 0;
  while (at < line.length && column < columns) {
    const code = line.charCodeAt(at);
    if (code === 0x20) column++;
    else if (code === 0x09) column += TAB_WIDTH - (column % TAB_WIDTH);
    else break;
    at++;
  }
  return line.slice(at);
}

/** Three or more of one of "-", "*", "_", with only blanks between. */
function isThematicBreak(line: string, from: number): boolean {
  const char = line.charAt(from);
  if (char !== "-" && char !== "*" && char !== "_") return false;
  let count = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === char) count++;
    else if (c !== " " && c !== "\t") return false;
  }
  return count >= 3;
}

function classify(line: string): MdLine {
  if (line === "") return BLANK;
  const { end, columns } = leadingBlanks(line);
  if (end === line.length) return BLANK;
  const first = line.charCodeAt(end);

  // A fence: three or more backticks or tildes.
  if (first === 0x60 || first === 0x7e) {
    let run = end;
    while (run < line.length && line.charCodeAt(run) === first) run++;
    if (run - end >= 3) return { kind: "fence", indent: columns, char: line.charAt(end), length: run - end };
  }
  // An ATX heading, at the left margin only.
  if (end === 0 && first === 0x23) {
    let level = 0;
    while (level < line.length && line.charCodeAt(level) === 0x23) level++;
    const after = line.charCodeAt(level);
    if (level <= 6 && (level === line.length || after === 0x20 || after === 0x09)) {
      return { kind: "heading", level, text: headingText(line.slice(level)), column: level + 1 };
    }
  }
  if (columns <= 3 && isThematicBreak(line, end)) return BREAK;

  // A list item: "-", "*", "+", or 1 to 9 digits and "." or ")", then a blank or the end.
  let markerEnd = -1;
  if (first === 0x2d || first === 0x2a || first === 0x2b) markerEnd = end + 1;
  else if (first >= 0x30 && first <= 0x39) {
    let digits = end;
    while (digits < line.length && digits - end < 10 && line.charCodeAt(digits) >= 0x30 && line.charCodeAt(digits) <= 0x39) digits++;
    const delimiter = line.charCodeAt(digits);
    if (digits - end <= 9 && (delimiter === 0x2e || delimiter === 0x29)) markerEnd = digits + 1;
  }
  if (markerEnd !== -1 && (markerEnd === line.length || isBlankCode(line.charCodeAt(markerEnd)))) {
    const markerColumns = columns + (markerEnd - end);
    let textStart = markerEnd;
    let gapColumns = 0;
    while (textStart < line.length && isBlankCode(line.charCodeAt(textStart))) {
      gapColumns += line.charCodeAt(textStart) === 0x09 ? TAB_WIDTH - ((markerColumns + gapColumns) % TAB_WIDTH) : 1;
      textStart++;
    }
    // Five or more blanks after the marker: the content starts one column after it (CommonMark).
    const contentColumn = markerColumns + (gapColumns >= 1 && gapColumns <= 4 ? gapColumns : 1);
    let text = line.slice(textStart);
    // The task box: "[ ]", "[x]" or "[X]" and a blank (or nothing after it).
    if (text.length >= 3 && text.charAt(0) === "[" && text.charAt(2) === "]" && " xX".includes(text.charAt(1)) && (text.length === 3 || isBlankCode(text.charCodeAt(3)))) {
      const rest = text.slice(3);
      textStart += 3 + (rest.length - rest.replace(/^[ \t]+/, "").length);
      text = line.slice(textStart);
    }
    return { kind: "item", indent: columns, contentColumn, text, column: textStart + 1 };
  }
  return { kind: "text", indent: columns };
}

function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** A heading's text: trimmed, without a closing run of "#" that follows a blank. */
function headingText(rest: string): string {
  let text = rest.trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x23) end--;
  if (end < text.length && (end === 0 || isBlankCode(text.charCodeAt(end - 1)))) text = text.slice(0, end).trim();
  return text;
}

/** "Links:" and then only links, blanks and commas: the links, or null. */
export function readLinksLine(text: string): InlineLink[] | null {
  if (text.length < 6 || text.slice(0, 6).toLowerCase() !== "links:") return null;
  const inline = parseInline(text.slice(6));
  if (inline.links.length === 0) return null;
  for (let i = 0; i < inline.outside.length; i++) {
    const c = inline.outside.charAt(i);
    if (c !== " " && c !== "\t" && c !== ",") return null;
  }
  return inline.links;
}

/** A description line as stored: the export's leading escape removed (see the header). */
function descriptionLine(text: string): string {
  const { end } = leadingBlanks(text);
  if (text.charCodeAt(end) !== 0x5c) return text;
  const next = text.charAt(end + 1);
  if ((next !== "" && DESCRIPTION_ESCAPABLE.includes(next)) || readLinksLine(text.slice(end + 1)) !== null) return text.slice(0, end) + text.slice(end + 1);
  return text;
}

export function isHttpUrl(url: string): boolean {
  if (url.length > MAX_LINK_URL_LENGTH || url.trim() !== url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

class TooManyErrors extends Error {}

interface Open {
  item: OutlineItem;
  /** Column of the list marker; -1 for a heading item, so any list nests under it. */
  indent: number;
  /** Where the item's content starts; description lines lose this much indentation. */
  contentColumn: number;
}

export function parseMarkdownOutline(text: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_OUTLINE_BYTES;
  const maxItems = options.maxItems ?? MAX_OUTLINE_ITEMS;
  const maxLineLength = options.maxLineLength ?? MAX_LINE_LENGTH;
  const maxSections = options.maxSections ?? MAX_OUTLINE_SECTIONS;
  const errors: ParseError[] = [];
  const warnings: ParseWarning[] = [];
  const repairs = new RepairList();
  const repaired = (line: number, describe: () => Repair) => {
    if (repairs.wants(line)) repairs.add(describe());
    else repairs.skip(1);
  };

  const tooLarge = fileTooLarge(text, maxBytes);
  if (tooLarge) return { ok: false, errors: [tooLarge], repairs: [], repairCount: 0, warnings };
  const fail = (line: number, column: number, code: ParseErrorCode, detail: string) => {
    errors.push({ line, column, code, message: `Line ${line}, column ${column}: ${detail}` });
    if (errors.length >= MAX_ERRORS) throw new TooManyErrors();
  };

  const bom = text.startsWith("\uFEFF");
  const split = splitLines(bom ? text.slice(1) : text);
  errors.push(...longLineErrors(split.lines, maxLineLength, MAX_ERRORS));
  if (errors.length > 0) return { ok: false, errors, repairs: [], repairCount: 0, warnings };

  const lines = split.lines.map((raw, i) => {
    const line = repairLineUpTo(raw, i + 1, repairs.wants(i + 1) ? MAX_LISTED_REPAIRS : 0);
    for (const repair of line.repairs) repairs.add(repair);
    repairs.skip(line.count - line.repairs.length);
    return line.text;
  });

  // Front matter: "---" on the first line, closed by "---" or "...".
  let start = 0;
  if (lines[0] === "---") {
    const close = lines.findIndex((line, i) => i > 0 && (line === "---" || line === "..."));
    if (close > 0) {
      start = close + 1;
      repaired(1, () => ({ line: 1, column: 1, kind: "skipped", before: "---", after: "", message: `Line 1: left out the front matter (lines 1–${close + 1})` }));
    }
  }

  // Classify every line once, lines inside a code fence as text.
  const classified: MdLine[] = new Array<MdLine>(lines.length);
  let fence: { char: string; length: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (i < start) {
      classified[i] = BLANK;
      continue;
    }
    const line = lines[i] ?? "";
    if (fence) {
      const inner = classify(line);
      classified[i] = { kind: "text", indent: leadingBlanks(line).columns };
      if (inner.kind === "fence" && inner.char === fence.char && inner.length >= fence.length && line.trim().length === inner.length) {
        classified[i] = inner;
        fence = null;
      }
      continue;
    }
    const kind = classify(line);
    classified[i] = kind;
    if (kind.kind === "fence") fence = { char: kind.char, length: kind.length };
  }

  // The title: the only `#` heading, before any list item.
  let titleLine = -1;
  let h1Count = 0;
  let firstH1 = -1;
  let firstItem = -1;
  for (let i = 0; i < classified.length; i++) {
    const line = classified[i];
    if (line?.kind === "heading" && line.level === 1) {
      h1Count++;
      if (firstH1 === -1) firstH1 = i;
    } else if (line?.kind === "item" && firstItem === -1) firstItem = i;
  }
  if (h1Count === 1 && (firstItem === -1 || firstH1 < firstItem)) titleLine = firstH1;
  const usesSections = classified.some((line, i) => line.kind === "heading" && line.level <= 3 && i !== titleLine);

  let title: string | null = null;
  const sections: OutlineSection[] = [];
  const rootItems: OutlineItem[] = [];
  let section: OutlineSection | null = null;
  let stack: Open[] = [];
  /** The item whose paragraph the previous line was part of (a lazy continuation joins it). */
  let paragraphOf: Open | null = null;
  /** Lines of text outside any item since the last blank line: reported once per paragraph. */
  let skipping = false;
  let blankRun = 0;
  let itemCount = 0;
  let reportedStrayItem = false;
  /** Inside a fence that belongs to this item's description (null: a fence outside any item). */
  let fenceOwner: Open | null | undefined;

  /** Reads links and escapes; links that cannot be kept are reported and keep only their text. */
  const inlineOf = (source: string, lineNumber: number, column: number, keepLinks: boolean) => {
    const inline = parseInline(source);
    const resources: OutlineResource[] = [];
    for (const link of inline.links) {
      const at = column + link.offset;
      const why = !keepLinks
        ? "a section has no links"
        : !isHttpUrl(link.url)
          ? "only http:// and https:// addresses become links"
          : resources.length >= MAX_ITEM_LINKS
            ? `an item keeps at most ${MAX_ITEM_LINKS} links`
            : null;
      if (why) {
        repaired(lineNumber, () => ({
          line: lineNumber,
          column: at,
          kind: "link",
          before: link.url,
          after: "",
          message: `Line ${lineNumber}, column ${at}: kept the text ${quote(link.text)} but not the link to ${quote(link.url)}: ${why}`,
        }));
        continue;
      }
      let linkTitle = link.auto ? "" : link.text.trim();
      if (linkTitle.length > MAX_LINK_TITLE_LENGTH) {
        const cut = linkTitle.slice(0, MAX_LINK_TITLE_LENGTH).trim();
        repaired(lineNumber, () => ({
          line: lineNumber,
          column: at,
          kind: "link",
          before: linkTitle,
          after: cut,
          message: `Line ${lineNumber}, column ${at}: shortened the link's text to ${MAX_LINK_TITLE_LENGTH} characters for its title`,
        }));
        linkTitle = cut;
      }
      resources.push(linkTitle ? { title: linkTitle, url: link.url } : { url: link.url });
    }
    return { text: inline.text.trim(), resources };
  };

  const addDescription = (open: Open, line: string) => {
    const stripped = descriptionLine(stripColumns(line, open.contentColumn));
    const item = open.item;
    item.description = item.description === undefined ? stripped : `${item.description}${"\n".repeat(1 + blankRun)}${stripped}`;
  };

  const addItem = (lineNumber: number, column: number, source: string, depthParent: Open | null, open: Omit<Open, "item">) => {
    if (usesSections && !section && !reportedStrayItem) {
      reportedStrayItem = true;
      fail(lineNumber, column, "item-before-section", "this item comes before the first section; this file has sections (`#`, `##` or `###` headings), so every item must be under one");
    }
    const read = inlineOf(source, lineNumber, column, true);
    if (read.text === "") fail(lineNumber, column, "empty-item", "the item has no text; write it after the list marker or delete the line");
    const text = itemFromText(read.text);
    if (text.invalidDue) fail(lineNumber, column, "invalid-due", text.invalidDue);
    const item: OutlineItem = {
      title: text.title,
      optional: text.optional,
      ...(text.due && { due: text.due }),
      depth: depthParent ? depthParent.item.depth + 1 : 0,
      line: lineNumber,
      children: [],
      layout: { blankLinesBefore: 0, bullet: "-" },
      ...(read.resources.length > 0 && { resources: read.resources }),
    };
    if (depthParent) depthParent.item.children.push(item);
    else (section ? section.items : rootItems).push(item);
    itemCount++;
    if (itemCount > maxItems) {
      fail(lineNumber, column, "too-many-items", `this is item ${itemCount.toLocaleString("en-US")}; a roadmap can have at most ${plural(maxItems, "item")}`);
      throw new TooManyErrors();
    }
    return { item, ...open };
  };

  const skip = (lineNumber: number, line: string) => {
    if (!skipping) {
      repaired(lineNumber, () => ({
        line: lineNumber,
        column: 1,
        kind: "skipped",
        before: line,
        after: "",
        message: `Line ${lineNumber}: left out ${quote(line.trim())}: text that is not under an item is not kept (only an item's description is)`,
      }));
    }
    skipping = true;
  };

  try {
    for (let i = start; i < classified.length; i++) {
      const line = classified[i] ?? BLANK;
      const raw = lines[i] ?? "";
      const lineNumber = i + 1;

      if (fenceOwner !== undefined) {
        // Inside a fence: the owner's description, or left out.
        if (fenceOwner) {
          addDescription(fenceOwner, raw);
          blankRun = 0;
        }
        if (line.kind === "fence") fenceOwner = undefined;
        continue;
      }

      if (line.kind === "blank") {
        blankRun++;
        paragraphOf = null;
        skipping = false;
        continue;
      }
      if (line.kind === "break") {
        paragraphOf = null;
        skipping = false;
        continue;
      }

      if (line.kind === "heading") {
        paragraphOf = null;
        skipping = false;
        blankRun = 0;
        stack = [];
        if (i === titleLine) {
          title = inlineOf(line.text, lineNumber, line.column, false).text || null;
          continue;
        }
        if (line.level <= 3) {
          const read = inlineOf(line.text, lineNumber, line.column, false);
          if (read.text === "") fail(lineNumber, 1, "empty-section-title", "the heading has no text; write the section's title after the '#' marks");
          const heading = itemFromText(read.text);
          if (heading.invalidDue) fail(lineNumber, 1, "invalid-due", heading.invalidDue);
          section = { title: heading.title, optional: heading.optional, ...(heading.due && { due: heading.due }), line: lineNumber, items: [], layout: { blankLinesBefore: 0, openBanner: DEFAULT_FORMAT.bannerWidth, closeBanner: DEFAULT_FORMAT.bannerWidth } };
          sections.push(section);
          if (sections.length > maxSections) {
            fail(lineNumber, 1, "too-many-sections", `this is section ${sections.length.toLocaleString("en-US")}; a roadmap can have at most ${plural(maxSections, "section")}`);
            break;
          }
          continue;
        }
        // `####` and deeper: an item that the following list nests under.
        const open = addItem(lineNumber, line.column, line.text, null, { indent: -1, contentColumn: 0 });
        stack = [open];
        paragraphOf = open;
        continue;
      }

      if (line.kind === "item") {
        skipping = false;
        while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= line.indent) stack.pop();
        const parent = stack[stack.length - 1] ?? null;
        const open = addItem(lineNumber, line.column, line.text, parent, { indent: line.indent, contentColumn: line.contentColumn });
        stack.push(open);
        paragraphOf = open;
        blankRun = 0;
        continue;
      }

      // Text (or a fence opening): a lazy continuation of the paragraph above, or under the
      // deepest open item it is indented past.
      let owner: Open | null = null;
      if (paragraphOf && !skipping) owner = paragraphOf;
      else if (!skipping) {
        while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= line.indent) stack.pop();
        owner = stack[stack.length - 1] ?? null;
      }
      if (owner) {
        const links = readLinksLine(stripColumns(raw, owner.contentColumn).trimStart());
        if (links && line.kind === "text") {
          const read = inlineOf(stripColumns(raw, owner.contentColumn).trimStart().slice(6), lineNumber, raw.length - raw.trimStart().length + 7, true);
          const resources = [...(owner.item.resources ?? []), ...read.resources];
          if (resources.length > MAX_ITEM_LINKS) {
            repaired(lineNumber, () => ({
              line: lineNumber,
              column: 1,
              kind: "link",
              before: raw,
              after: "",
              message: `Line ${lineNumber}: kept the first ${MAX_ITEM_LINKS} of the item's ${resources.length} links; an item keeps at most ${MAX_ITEM_LINKS}`,
            }));
          }
          if (resources.length > 0) owner.item.resources = resources.slice(0, MAX_ITEM_LINKS);
        } else {
          addDescription(owner, raw);
        }
        blankRun = 0;
        paragraphOf = owner;
        if (line.kind === "fence") fenceOwner = owner;
        continue;
      }
      skip(lineNumber, raw);
      if (line.kind === "fence") fenceOwner = null;
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) throw error;
  }

  if (errors.length > 0) return { ok: false, errors, repairs: repairs.list(), repairCount: repairs.count, warnings };

  for (const s of sections) {
    if (s.items.length === 0) warnings.push({ line: s.line, code: "empty-section", message: `Line ${s.line}: the section ${quote(s.title)} has no items` });
  }
  if (itemCount === 0) warnings.push({ line: 1, code: "no-items", message: "Line 1: the file has no items" });

  const document: OutlineDocument = {
    header: title === null ? [] : [`# ${title}`],
    title,
    sections,
    items: rootItems,
    format: { ...DEFAULT_FORMAT, bom, finalNewline: split.finalNewline },
  };
  return { ok: true, document, repairs: repairs.list(), repairCount: repairs.count, warnings };
}
