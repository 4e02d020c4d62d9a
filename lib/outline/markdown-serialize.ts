/**
 * Write a roadmap as Markdown in the dialect `markdown.ts` reads (decision 0031), so that what is
 * exported imports again as the same tree: titles, nesting, optional flags, descriptions (blank
 * lines included) and links.
 *
 *     # Track title
 *
 *     ## Section
 *
 *     - [ ] Item (optional)
 *       Its description, as written.
 *
 *       Links: [Docs](https://example.com/docs), <https://example.com>
 *       - [ ] Child
 *
 * Titles are written with "\", "[", "]" and "<" escaped (and "#" in headings) so they read back as
 * themselves rather than as links; links are written on "Links:" lines, never inside the title, so
 * the title stays exactly what it was. A description line that would read as something else (a
 * list item, a fence, a "Links:" line…) gets the leading backslash the reader removes. What
 * Markdown cannot carry throws a `OutlineSerializeError` naming the node, as the text format does:
 * an empty or multi-line title, a "\r" in a description, items beside sections. Trailing blanks at
 * the end of a description line are written but, as in the text format, not read back.
 */
import { escapeInline, writeLink } from "./markdown-inline";
import { DESCRIPTION_ESCAPABLE, leadingBlanks, readLinksLine } from "./markdown";
import { MAX_LINE_LENGTH } from "./parse";
import { OutlineSerializeError, titleWithMarkers } from "./serialize";
import type { OutlineItemInput, OutlineSectionInput } from "./types";

export interface MarkdownDocumentInput {
  /** Written as the `#` heading at the top; none when null or absent. */
  title?: string | null;
  sections?: readonly OutlineSectionInput[];
  items?: readonly OutlineItemInput[];
}

const INDENT = "  ";

function checkTitle(title: string, what: string): void {
  if (title.trim() === "") throw new OutlineSerializeError(`${what} has an empty title`);
  if (/[\r\n]/.test(title)) throw new OutlineSerializeError(`${what} has a line break in its title`);
  if (title.trim() !== title) throw new OutlineSerializeError(`${what} has blanks at the start or end of its title`);
}

function descriptionLine(line: string): string {
  const { end } = leadingBlanks(line);
  const rest = line.slice(end);
  if (rest === "") return "";
  if (DESCRIPTION_ESCAPABLE.includes(rest.charAt(0)) || readLinksLine(rest) !== null) return `${line.slice(0, end)}\\${rest}`;
  return line;
}

export function serializeMarkdown(document: MarkdownDocumentInput): string {
  const sections = document.sections ?? [];
  const rootItems = document.items ?? [];
  if (sections.length > 0 && rootItems.length > 0) throw new OutlineSerializeError("a roadmap with sections cannot also have top-level items outside them");
  const out: string[] = [];
  const title = document.title?.replace(/\s+/g, " ").trim();
  if (title) out.push(`# ${escapeInline(title, true)}`);

  const writeItems = (items: readonly OutlineItemInput[], depth: number, path: string) => {
    items.forEach((item, i) => {
      const where = `${path}item ${i + 1}`;
      checkTitle(item.title, where);
      const indent = INDENT.repeat(depth);
      const inner = INDENT.repeat(depth + 1);
      out.push(`${indent}- [ ] ${escapeInline(titleWithMarkers(item.title, item.optional, item.due, undefined, where))}`);
      if (item.description !== undefined && item.description !== "") {
        if (item.description.includes("\r")) throw new OutlineSerializeError(`${where} has a carriage return in its description`);
        for (const line of item.description.split("\n")) {
          const written = descriptionLine(line);
          out.push(written === "" ? "" : `${inner}${written}`);
        }
      }
      const resources = item.resources ?? [];
      if (resources.length > 0) {
        if (item.description) out.push("");
        // Several links to a line, each line well under the reader's line limit.
        const budget = Math.max(1000, MAX_LINE_LENGTH / 4);
        let line = "";
        for (const resource of resources) {
          const link = writeLink(resource);
          if (line !== "" && line.length + link.length + 2 > budget) {
            out.push(`${inner}Links: ${line}`);
            line = "";
          }
          line = line === "" ? link : `${line}, ${link}`;
        }
        out.push(`${inner}Links: ${line}`);
      }
      writeItems(item.children ?? [], depth + 1, `${where} > `);
    });
  };

  sections.forEach((section, i) => {
    const where = `section ${i + 1}`;
    checkTitle(section.title, where);
    if (out.length > 0) out.push("");
    out.push(`## ${escapeInline(titleWithMarkers(section.title, section.optional, section.due, undefined, where), true)}`);
    if ((section.items ?? []).length > 0) out.push("");
    writeItems(section.items ?? [], 0, `${where} > `);
  });
  if (rootItems.length > 0 && out.length > 0) out.push("");
  writeItems(rootItems, 0, "");
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}
