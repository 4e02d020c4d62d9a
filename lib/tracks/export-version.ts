/**
 * A stored version written back out: as the roadmap text format or as Markdown (so
 * it can be edited elsewhere and imported again), or as the JSON tree.
 */
import { serializeMarkdown, serializeOutline } from "@/lib/outline";
import type { OutlineDocumentInput, OutlineItemInput, OutlineSectionInput } from "@/lib/outline";
import type { TrackNodeOut } from "./schema";

interface MutableItem extends OutlineItemInput {
  children: MutableItem[];
}
interface MutableSection extends OutlineSectionInput {
  items: MutableItem[];
}

/** Pre-order nodes → the serializer's input tree; each node's children keep their stored order. */
export function documentOf(title: string, nodes: readonly TrackNodeOut[]): OutlineDocumentInput {
  const sections: MutableSection[] = [];
  const items: MutableItem[] = [];
  const sectionById = new Map<string, MutableSection>();
  const itemById = new Map<string, MutableItem>();
  for (const node of nodes) {
    if (node.kind === "SECTION") {
      const section: MutableSection = { title: node.title, optional: node.optional, due: node.due, items: [] };
      sectionById.set(node.id, section);
      sections.push(section);
      continue;
    }
    const item: MutableItem = {
      title: node.title,
      optional: node.optional,
      due: node.due,
      children: [],
      ...(node.description !== null && { description: node.description }),
      ...(node.resources.length > 0 && { resources: node.resources }),
    };
    itemById.set(node.id, item);
    if (node.parentId === null) items.push(item);
    else (sectionById.get(node.parentId)?.items ?? itemById.get(node.parentId)?.children)?.push(item);
  }
  // The source file's preamble is not stored; the track's title takes its place.
  const header = [`# ${title.replace(/\s+/g, " ").trim()}`];
  return { header, sections, items };
}

export function exportText(title: string, nodes: readonly TrackNodeOut[]): string {
  return serializeOutline(documentOf(title, nodes));
}

/** Markdown (decision 0031): links and multi-paragraph descriptions, which the text format cannot hold, come along. */
export function exportMarkdown(title: string, nodes: readonly TrackNodeOut[]): string {
  const { sections, items } = documentOf(title, nodes);
  return serializeMarkdown({ title, sections, items });
}

/** A file name for the download: the title's letters and digits, hyphenated. */
export function exportFileName(title: string, number: number, extension: "txt" | "md" | "json"): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "track";
  return `${base}-v${number}.${extension}`;
}
