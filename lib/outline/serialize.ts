/**
 * Write a roadmap back in the text format of `parse.ts`.
 *
 * A parsed document carries its file's conventions (`format`) and each node's `layout`, so
 * `serializeOutline(parsed.document)` reproduces a clean file byte for byte, and a repaired file
 * as its repaired text. Anything missing falls back to the seed's style: `DEFAULT_FORMAT`
 * (LF, 2-space indent, "-" bullets, 69-wide banners, final newline), one blank line before each
 * section and each top-level item, none before nested items.
 *
 * Input that could not be read back the same way (an empty title, a line break inside one,
 * surrounding whitespace, a description line that looks like a bullet, items beside sections…)
 * throws a `OutlineSerializeError` naming the node. Text that `parseOutline` would repair
 * (mojibake, citation debris) is written as given and would be repaired on the way back.
 */
import { dueMarkerSuffix, isValidDue, splitDueMarker } from "./due-marker";
import type { RelativeDue } from "./due-marker";
import { DEFAULT_BANNER_WIDTH, isOptionalTitle } from "./parse";
import type { OutlineDocumentInput, OutlineFormat, OutlineItemInput } from "./types";

export const DEFAULT_FORMAT: Readonly<OutlineFormat> = {
  bom: false,
  newline: "\n",
  indent: "  ",
  bullet: "-",
  bannerWidth: DEFAULT_BANNER_WIDTH,
  finalNewline: true,
  trailingBlankLines: 0,
};

export class OutlineSerializeError extends Error {
  override name = "OutlineSerializeError";
}

const LINE_BREAK = /[\r\n]/;
/** Whitespace the parser would not keep: after a bullet it takes spaces and tabs, at line ends it trims \f and \v too. */
const EDGE_WHITESPACE = /^[ \t]|[ \t\f\v]$/;

function checkTitle(title: string, what: string): void {
  if (title.trim() === "") throw new OutlineSerializeError(`${what} has an empty title`);
  if (LINE_BREAK.test(title)) throw new OutlineSerializeError(`${what} has a line break in its title`);
  if (EDGE_WHITESPACE.test(title)) throw new OutlineSerializeError(`${what} has spaces or tabs at the start or end of its title`);
}

function checkCount(value: number | undefined, what: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new OutlineSerializeError(`${what} must be a whole number ≥ 0`);
}

function checkFormat(format: OutlineFormat): void {
  if (!["\n", "\r\n", "\r"].includes(format.newline)) throw new OutlineSerializeError("format.newline must be LF, CRLF or CR");
  if (!/^(\t| +)$/.test(format.indent)) throw new OutlineSerializeError("format.indent must be a tab or one or more spaces");
  if (!["-", "*", "+"].includes(format.bullet)) throw new OutlineSerializeError('format.bullet must be "-", "*" or "+"');
  if (!(Number.isInteger(format.bannerWidth) && format.bannerWidth >= 3)) throw new OutlineSerializeError("format.bannerWidth must be a whole number ≥ 3");
  checkCount(format.trailingBlankLines, "format.trailingBlankLines");
}

/**
 * The title line's text: the title, " (optional)" when flagged but not said, then the due marker
 * (as it was written when the layout kept it). A title that itself ends like a due marker could not
 * be read back as text, unless a marker follows it (only the last one is taken).
 */
export function titleWithMarkers(title: string, optional: boolean | undefined, due: RelativeDue | null | undefined, dueMarker: string | undefined, what: string): string {
  const withOptional = optional && !isOptionalTitle(title) ? `${title} (optional)` : title;
  if (due === null || due === undefined) {
    if (splitDueMarker(withOptional).kind !== "none") throw new OutlineSerializeError(`${what} has a title ending like a due marker; give it as the due instead`);
    return withOptional;
  }
  if (!isValidDue(due)) throw new OutlineSerializeError(`${what} has an invalid due (day 1–3650 or week 1–520)`);
  return withOptional + dueMarkerSuffix(due, dueMarker);
}

export function serializeOutline(document: OutlineDocumentInput): string {
  const format: OutlineFormat = { ...DEFAULT_FORMAT, ...document.format };
  checkFormat(format);
  const header = document.header ?? [];
  const sections = document.sections ?? [];
  const rootItems = document.items ?? [];
  if (sections.length > 0 && rootItems.length > 0) {
    throw new OutlineSerializeError("a roadmap with sections cannot also have top-level items outside them");
  }
  header.forEach((line, i) => {
    const where = `header line ${i + 1}`;
    if (LINE_BREAK.test(line)) throw new OutlineSerializeError(`${where} has a line break in it`);
    if (line !== "" && !line.startsWith("#")) throw new OutlineSerializeError(`${where} must start with "#" or be blank`);
    if (/[ \t\f\v]$/.test(line)) throw new OutlineSerializeError(`${where} ends with spaces or tabs`);
  });
  if (header.length > 0 && header[header.length - 1] === "") {
    throw new OutlineSerializeError("the header must not end with a blank line (use the first node's layout.blankLinesBefore)");
  }

  const out: string[] = [...header];
  const blanks = (count: number) => {
    for (let i = 0; i < count; i++) out.push("");
  };

  const writeItems = (items: readonly OutlineItemInput[], depth: number, path: string) => {
    items.forEach((item, i) => {
      const where = `${path}item ${i + 1}`;
      checkTitle(item.title, where);
      checkCount(item.layout?.blankLinesBefore, `${where} layout.blankLinesBefore`);
      const bullet = item.layout?.bullet ?? format.bullet;
      if (!["-", "*", "+"].includes(bullet)) throw new OutlineSerializeError(`${where} has an unknown bullet ${JSON.stringify(bullet)}`);
      blanks(item.layout?.blankLinesBefore ?? (depth === 0 && out.length > 0 ? 1 : 0));
      out.push(`${format.indent.repeat(depth)}${bullet} ${titleWithMarkers(item.title, item.optional, item.due, item.layout?.dueMarker, where)}`);
      if (item.description !== undefined) {
        for (const line of item.description.split("\n")) {
          if (line === "" || line.includes("\r")) throw new OutlineSerializeError(`${where} has a blank line in its description`);
          if (EDGE_WHITESPACE.test(line)) throw new OutlineSerializeError(`${where} has a description line with spaces or tabs at the start or end`);
          if (/^[-*+]([ \t]|$)/.test(line)) throw new OutlineSerializeError(`${where} has a description line that starts like a bullet`);
          out.push(`${format.indent.repeat(depth + 1)}${line}`);
        }
      }
      writeItems(item.children ?? [], depth + 1, `${where} > `);
    });
  };

  sections.forEach((section, i) => {
    const where = `section ${i + 1}`;
    checkTitle(section.title, where);
    if (/^={3,}$/.test(section.title)) throw new OutlineSerializeError(`${where} has a title made only of "="`);
    const layout = section.layout ?? {};
    checkCount(layout.blankLinesBefore, `${where} layout.blankLinesBefore`);
    for (const width of [layout.openBanner, layout.closeBanner]) {
      if (width !== undefined && !(Number.isInteger(width) && width >= 3)) throw new OutlineSerializeError(`${where} has a banner narrower than 3`);
    }
    blanks(layout.blankLinesBefore ?? (out.length > 0 ? 1 : 0));
    out.push("=".repeat(layout.openBanner ?? format.bannerWidth));
    out.push(titleWithMarkers(section.title, section.optional, section.due, layout.dueMarker, where));
    out.push("=".repeat(layout.closeBanner ?? format.bannerWidth));
    writeItems(section.items ?? [], 0, `${where} > `);
  });
  writeItems(rootItems, 0, "");
  blanks(format.trailingBlankLines);

  const text = out.join(format.newline) + (format.finalNewline && out.length > 0 ? format.newline : "");
  return (format.bom ? "\uFEFF" : "") + text;
}
