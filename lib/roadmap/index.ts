/**
 * The roadmap text format: parse (with repairs and line/column errors), serialize, count.
 * Pure functions, no I/O. The built-in library track is `seed/python-backend-roadmap.txt`.
 */
export { parseRoadmap, isOptionalTitle, itemFromText, MAX_ROADMAP_BYTES, MAX_ROADMAP_ITEMS, MAX_ROADMAP_SECTIONS, MAX_LINE_LENGTH, MAX_ERRORS, DEFAULT_BANNER_WIDTH } from "./parse";
export { splitDueMarker, formatDueMarker, dueMarkerSuffix, describeDue, dueOffsetDays, earlierDue, isValidDue, maxDueCount, MAX_DUE_DAYS, MAX_DUE_WEEKS } from "./due-marker";
export type { DueUnit, RelativeDue, DueSplit } from "./due-marker";
export { MAX_LISTED_REPAIRS } from "./repair-list";
export { parseRoadmapBytes, decodeRoadmapBytes } from "./decode";
export { serializeRoadmap, RoadmapSerializeError, DEFAULT_FORMAT } from "./serialize";
export { parseMarkdownRoadmap, MAX_ITEM_LINKS } from "./markdown";
export { serializeMarkdown } from "./markdown-serialize";
export type { MarkdownDocumentInput } from "./markdown-serialize";
export { detectRoadmapFormat } from "./detect-format";
export type { RoadmapFormatName } from "./detect-format";
export { repairLine, repairMojibake, findCitations } from "./repair";
export type { TextFix, MojibakeFix } from "./repair";
export { countItems, countSections, depthHistogram, maxDepth, roadmapStats, flattenRoadmap, walkItems } from "./stats";
export type { RoadmapStats, FlatRoadmapNode } from "./stats";
export type {
  BulletChar,
  Newline,
  RoadmapFormat,
  ItemLayout,
  SectionLayout,
  RoadmapItem,
  RoadmapResource,
  RoadmapSection,
  RoadmapDocument,
  RoadmapItemInput,
  RoadmapSectionInput,
  RoadmapDocumentInput,
  RepairKind,
  Repair,
  ParseErrorCode,
  ParseError,
  ParseWarningCode,
  ParseWarning,
  ParseResult,
  ParseOptions,
} from "./types";
