/**
 * The editor's search: which rows' titles hold the query, in outline order, and where in a
 * title the match is (for its <mark>). Case-insensitive; the query is trimmed and its inner
 * spaces collapsed. Pure.
 */
import type { PlacedNode } from "./types";

export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Keys of the nodes whose title holds `query`, in pre-order; none for an empty query. */
export function findMatches(nodes: readonly PlacedNode[], query: string): string[] {
  const needle = normalizeQuery(query);
  if (!needle) return [];
  return nodes.filter((node) => node.title.toLowerCase().includes(needle)).map((node) => node.key);
}

/** The title split around its first match, or null when it has none (or lowercasing changed its length, where the offsets would lie). */
export function matchParts(title: string, query: string): [before: string, match: string, after: string] | null {
  const needle = normalizeQuery(query);
  const lower = title.toLowerCase();
  if (!needle || lower.length !== title.length) return null;
  const at = lower.indexOf(needle);
  if (at < 0) return null;
  return [title.slice(0, at), title.slice(at, at + needle.length), title.slice(at + needle.length)];
}

/** The match after (step 1) or before (step -1) the current one, wrapping around; the first when there is no current one. */
export function stepMatch(count: number, current: number | null, step: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

/** The fold with every match's sections and parents opened, so each match is on screen. */
export function revealMatches(collapsed: ReadonlySet<string>, nodes: readonly PlacedNode[], keys: readonly string[]): ReadonlySet<string> {
  if (keys.length === 0 || collapsed.size === 0) return collapsed;
  const parentOf = new Map(nodes.map((node) => [node.key, node.parentKey]));
  const open = new Set<string>();
  for (const key of keys) for (let at = parentOf.get(key) ?? null; at !== null && !open.has(at); at = parentOf.get(at) ?? null) open.add(at);
  if (![...open].some((key) => collapsed.has(key))) return collapsed;
  return new Set([...collapsed].filter((key) => !open.has(key)));
}
