/**
 * Types for the roadmap text format (see `parse.ts` for the grammar).
 *
 * Two families of shapes:
 * - `OutlineDocument` / `OutlineSection` / `OutlineItem` are what `parseOutline` returns: every
 *   field filled in, including `line` numbers and the `layout` facts `serializeOutline` needs to
 *   reproduce the file byte for byte.
 * - `OutlineDocumentInput` / `OutlineSectionInput` / `OutlineItemInput` are what `serializeOutline`
 *   accepts: the same shapes with everything but titles optional, so a tree built elsewhere (for
 *   example from stored TrackNodes) can be written out in the default style.
 * A parsed document is assignable to the input types.
 */

/** The three list markers the format accepts. */
import type { RelativeDue } from "./due-marker";

export type BulletChar = "-" | "*" | "+";

/** Line terminators the format accepts ("\r" alone is classic Mac OS). */
export type Newline = "\n" | "\r\n" | "\r";

/** File-wide conventions, detected on parse and reused on serialize. */
export interface OutlineFormat {
  /** The file starts with a U+FEFF byte-order mark. */
  bom: boolean;
  /** The file's line terminator (the majority one if the file mixed them; the rest were repaired). */
  newline: Newline;
  /** One level of indentation: "\t" or some number of spaces (2 or 4 in practice). */
  indent: string;
  /** Bullet used for items that carry no `layout.bullet` of their own (the file's most common one). */
  bullet: BulletChar;
  /** Width of the `=` lines for sections that carry no `layout` of their own. */
  bannerWidth: number;
  /** The last line ends with a line terminator. */
  finalNewline: boolean;
  /** Blank lines after the last non-blank line. */
  trailingBlankLines: number;
}

export interface ItemLayout {
  /** Blank lines directly above this item's bullet line. */
  blankLinesBefore: number;
  /** The bullet character this item was written with. */
  bullet: BulletChar;
  /** The due marker as written, with the spaces before it (" (Due Day 3)"); absent without one. */
  dueMarker?: string;
}

export interface SectionLayout {
  /** Blank lines directly above the opening `=` line. */
  blankLinesBefore: number;
  /** Width of the opening `=` line. */
  openBanner: number;
  /** Width of the closing `=` line. */
  closeBanner: number;
  /** Same as `ItemLayout.dueMarker`. */
  dueMarker?: string;
}

export interface OutlineItem {
  /** The item text after repairs, verbatim (an "(optional)" marker stays in the title). */
  title: string;
  /** The title carries a parenthetical starting with "optional", e.g. "(optional)" or "(optional but common)". */
  optional: boolean;
  /** From a trailing "(due day N)" / "(due week N)", which is taken out of `title` (due-marker.ts); absent without one. */
  due?: RelativeDue;
  /** Indentation level: 0 for a bullet at the left margin, 1 for one indent in, … */
  depth: number;
  /** 1-based line of the bullet in the source file. */
  line: number;
  /**
   * Text lines written directly under the bullet, one level deeper than it and without a bullet
   * of their own, joined with "\n". Absent when there are none.
   */
  description?: string;
  children: OutlineItem[];
  layout: ItemLayout;
  /** Links that go with the item (from Markdown `[text](url)` links; the text format has none). Absent when there are none. */
  resources?: OutlineResource[];
}

/** A link that goes with an item: an http(s) address and, when the link had text, that text. */
export interface OutlineResource {
  title?: string;
  url: string;
}

export interface OutlineSection {
  /** The text between the two `=` lines, after repairs. */
  title: string;
  /** Same rule as items. */
  optional: boolean;
  /** Same rule as items. */
  due?: RelativeDue;
  /** 1-based line of the title (the line between the two `=` lines). */
  line: number;
  items: OutlineItem[];
  layout: SectionLayout;
}

export interface OutlineDocument {
  /**
   * The preamble verbatim (after repairs): the `#` lines at the top and any blank lines among
   * them, without the blank lines that separate it from the body (those are the first node's
   * `blankLinesBefore`).
   */
  header: string[];
  /** The first `#` line of the header without its `#` marks, e.g. "🐍 PYTHON BACKEND ROADMAP …"; null without one. */
  title: string | null;
  /** Sections in file order. Empty when the file uses no `=` banners. */
  sections: OutlineSection[];
  /** Top-level items of a file without sections. Always empty when `sections` is not. */
  items: OutlineItem[];
  format: OutlineFormat;
}

export interface OutlineItemInput {
  title: string;
  /** When true and the title has no "(optional…)" marker, serializing appends " (optional)". */
  optional?: boolean;
  /** Written as a trailing "(due day N)" / "(due week N)" after the title (and any "(optional)"). */
  due?: RelativeDue | null;
  description?: string;
  /** Written by the Markdown serializer; the text format cannot hold links and leaves them out. */
  resources?: readonly OutlineResource[];
  children?: readonly OutlineItemInput[];
  layout?: Partial<ItemLayout>;
}

export interface OutlineSectionInput {
  title: string;
  optional?: boolean;
  due?: RelativeDue | null;
  items?: readonly OutlineItemInput[];
  layout?: Partial<SectionLayout>;
}

export interface OutlineDocumentInput {
  header?: readonly string[];
  sections?: readonly OutlineSectionInput[];
  items?: readonly OutlineItemInput[];
  format?: Partial<OutlineFormat>;
}

export type RepairKind =
  /** UTF-8 text that had been decoded as Windows-1252 or Mac OS Roman, decoded back. */
  | "mojibake"
  /** Chat-export citation debris such as ":contentReference[oaicite:4]{index=4}", removed. */
  | "citation"
  /** Spaces or tabs at the end of a line, removed. */
  | "trailing-whitespace"
  /** A line terminator that differs from the file's majority one, replaced. */
  | "line-ending"
  /** Indentation mixing tabs and spaces (or in the file's minority style), rewritten in the file's unit. */
  | "indentation"
  /** Extra spaces or a tab after a bullet, or spaces around a section title, normalized. */
  | "spacing"
  /** Bytes that were not valid UTF-8, read as Windows-1252 (only from `parseOutlineBytes`). */
  | "encoding"
  /** Markdown that Cairn does not keep (a paragraph outside any item, front matter), left out (only from `parseMarkdownOutline`). */
  | "skipped"
  /** A Markdown link that cannot become one of the item's links (not http(s), too long, too many): its text is kept, its address left out. */
  | "link";

export interface Repair {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column (in characters of the original line) where the repaired text starts. */
  column?: number;
  kind: RepairKind;
  before: string;
  after: string;
  /** Human-readable, starts with "Line N" (and ", column C" when known). */
  message: string;
}

export type ParseErrorCode =
  | "file-too-large"
  | "too-many-items"
  | "line-too-long"
  | "too-many-sections"
  | "indent-jump"
  | "indent-not-multiple"
  | "mixed-indentation"
  | "item-before-section"
  | "empty-item"
  | "empty-section-title"
  | "unclosed-section-banner"
  | "description-indent"
  | "comment-not-at-top"
  | "unexpected-text"
  /** A trailing "(due day …)" / "(due week …)" that is not a valid due marker (due-marker.ts). */
  | "invalid-due";

export interface ParseError {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column (in characters). */
  column: number;
  code: ParseErrorCode;
  /** Human-readable, e.g. "Line 12, column 5: indentation jumps from level 1 to level 3; indent by one level at a time". */
  message: string;
}

export type ParseWarningCode = "empty-section" | "no-items";

export interface ParseWarning {
  line: number;
  code: ParseWarningCode;
  message: string;
}

/**
 * `repairs` lists at most `MAX_LISTED_REPAIRS` (1,000) repairs, the first by line and column;
 * `repairCount` counts every repair made (the text is repaired in full either way).
 */
export type ParseResult =
  | { ok: true; document: OutlineDocument; repairs: Repair[]; repairCount: number; warnings: ParseWarning[] }
  | { ok: false; errors: ParseError[]; repairs: Repair[]; repairCount: number; warnings: ParseWarning[] };

export interface ParseOptions {
  /** Largest accepted input, in UTF-8 bytes. Default `MAX_OUTLINE_BYTES` (1 MiB). */
  maxBytes?: number;
  /** Most items accepted. Default `MAX_OUTLINE_ITEMS` (5,000). */
  maxItems?: number;
  /** Longest accepted line, in characters (code points). Default `MAX_LINE_LENGTH` (12,000). */
  maxLineLength?: number;
  /** Most sections accepted. Default `MAX_OUTLINE_SECTIONS` (1,000). */
  maxSections?: number;
}
