/**
 * The outline: the text format a track is imported from and exported to ("roadmap" is the hire's
 * page, components/assignments/roadmap). Parse (with repairs and line/column errors), serialize, count.
 * Pure functions, no I/O. The built-in library track is `seed/python-backend-roadmap.txt`.
 */
export { parseOutline, isOptionalTitle, itemFromText, MAX_OUTLINE_BYTES, MAX_OUTLINE_ITEMS, MAX_OUTLINE_SECTIONS, MAX_LINE_LENGTH, MAX_ERRORS, DEFAULT_BANNER_WIDTH } from "./parse";
export { splitDueMarker, formatDueMarker, dueMarkerSuffix, describeDue, dueOffsetDays, earlierDue, isValidDue, maxDueCount, MAX_DUE_DAYS, MAX_DUE_WEEKS } from "./due-marker";
export type { DueUnit, RelativeDue, DueSplit } from "./due-marker";
export { MAX_LISTED_REPAIRS } from "./repair-list";
export { parseOutlineBytes, decodeOutlineBytes } from "./decode";
export { serializeOutline, OutlineSerializeError, DEFAULT_FORMAT } from "./serialize";
export { parseMarkdownOutline, MAX_ITEM_LINKS } from "./markdown";
export { serializeMarkdown } from "./markdown-serialize";
export type { MarkdownDocumentInput } from "./markdown-serialize";
export { detectOutlineFormat } from "./detect-format";
export type { OutlineFormatName } from "./detect-format";
export { repairLine, repairMojibake, findCitations } from "./repair";
export { tidyTitle, tidyDocument } from "./tidy-title";
export type { TextFix, MojibakeFix } from "./repair";
export { countItems, countSections, depthHistogram, maxDepth, outlineStats, flattenOutline, walkItems } from "./stats";
export type { OutlineStats, FlatOutlineNode } from "./stats";
export type {
  BulletChar,
  Newline,
  OutlineFormat,
  ItemLayout,
  SectionLayout,
  OutlineItem,
  OutlineResource,
  OutlineSection,
  OutlineDocument,
  OutlineItemInput,
  OutlineSectionInput,
  OutlineDocumentInput,
  RepairKind,
  Repair,
  ParseErrorCode,
  ParseError,
  ParseWarningCode,
  ParseWarning,
  ParseResult,
  ParseOptions,
} from "./types";
