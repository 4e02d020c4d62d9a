/**
 * The import preview: what parsing a roadmap text would store, in the shape the
 * import screen shows (counts, each repair and each error with its line, the tree).
 * Pure; the import itself parses the same way, so what the preview shows is what
 * gets saved.
 */
import { flattenOutline, outlineStats } from "@/lib/outline";
import type { ParseResult, OutlineFormatName } from "@/lib/outline";
import { parseOutlineText, resolveFormat } from "./outline-parser";
import type { ImportFormat } from "./outline-parser";

export function previewOf(result: ParseResult, read: { format: OutlineFormatName; detected: boolean } = { format: "text", detected: false }) {
  const base = {
    format: read.format,
    detected: read.detected,
    repairCount: result.repairCount,
    repairs: result.repairs.map(({ line, column, kind, message, before, after }) => ({ line, column, kind, message, before, after })),
    warnings: result.warnings.map(({ line, code, message }) => ({ line, code, message })),
  };
  if (!result.ok) {
    return { ok: false, title: null, errors: result.errors.map(({ line, column, code, message }) => ({ line, column, code, message })), ...base, stats: null, tree: [] };
  }
  const stats = outlineStats(result.document);
  return {
    ok: true,
    title: result.document.title,
    errors: [],
    ...base,
    stats: { sections: stats.sections, topics: stats.topics, items: stats.items, optional: stats.optionalItems, maxDepth: stats.maxDepth },
    tree: flattenOutline(result.document).map((row) => ({ depth: row.depth, kind: row.kind === "section" ? ("SECTION" as const) : ("ITEM" as const), title: row.title, optional: row.optional, line: row.line, links: row.resources.length })),
  };
}

export async function previewImport(text: string, format: ImportFormat = "auto") {
  const read = resolveFormat(text, format);
  return previewOf(await parseOutlineText(text, read.format), read);
}
