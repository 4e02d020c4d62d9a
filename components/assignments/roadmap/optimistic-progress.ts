/**
 * Edits to a cached assignment detail: the hire's changes applied at once, and
 * the server's rows written back. Every edit recounts with summarizeProgress,
 * the function the server counts with, so the bars and percentages on screen
 * are the ones a reload shows.
 */
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { RoadmapModel } from "./roadmap-model";
import { roadmapModelOf, statesOf } from "./roadmap-model";
import type { AssignmentDetailJson, ItemChange, ItemProgressJson } from "./types";

/** A row for an item with no progress yet: the server's defaults. */
export function blankItem(key: string, now: string): ItemProgressJson {
  return { stableKey: key, state: "NOT_STARTED", notApplicableReason: null, note: null, links: [], updatedAt: now, archived: false };
}

/** One item after a change, as the server would store it (update-item.ts). */
export function changedItem(current: ItemProgressJson | undefined, key: string, change: ItemChange, now: string): ItemProgressJson {
  // An archived row belongs to an older version: the server starts such an item afresh.
  const base = current && !current.archived ? current : blankItem(key, now);
  const state = change.state ?? base.state;
  return {
    ...base,
    state,
    notApplicableReason: state === "NOT_APPLICABLE" ? (change.notApplicableReason ?? base.notApplicableReason) : null,
    ...(change.note !== undefined && { note: change.note === null ? null : change.note.trim() || null }),
    ...(change.links !== undefined && { links: change.links }),
    updatedAt: now,
    archived: false,
  };
}

/**
 * The detail with some items' rows replaced (null removes a row, leaving the
 * item NOT_STARTED), recounted: the assignment's counts, each section's, the
 * next items, and the status the server would settle on (complete ⇄ active).
 */
export function withItems(detail: AssignmentDetailJson, rows: ReadonlyMap<string, ItemProgressJson | null>, model: RoadmapModel = roadmapModelOf(detail)): AssignmentDetailJson {
  if (rows.size === 0) return detail;
  const progress: ItemProgressJson[] = [];
  for (const row of detail.progress) {
    if (!rows.has(row.stableKey)) progress.push(row);
  }
  for (const row of rows.values()) if (row) progress.push(row);

  const summary = summarizeProgress(model.progressNodes, statesOf(progress), model.skipped);
  const { status } = detail.assignment;
  const settled = summary.complete && status === "ACTIVE" ? "COMPLETED" : !summary.complete && status === "COMPLETED" ? "ACTIVE" : status;
  return {
    ...detail,
    assignment: { ...detail.assignment, status: settled, progress: summary.track },
    progress,
    sections: detail.sections.map((section) => ({ key: section.key, counts: summary.byNode.get(section.key) ?? section.counts })),
    nextUp: summary.nextUp.map(({ key, title, state }) => ({ key, title, state })),
  };
}

/** The hire's changes applied to the cached detail at once (before the server answers). */
export function applyItemChanges(detail: AssignmentDetailJson, changes: ReadonlyArray<{ key: string; change: ItemChange }>, now: string): AssignmentDetailJson {
  const current = new Map(detail.progress.map((row) => [row.stableKey, row]));
  const rows = new Map<string, ItemProgressJson>();
  for (const { key, change } of changes) rows.set(key, changedItem(rows.get(key) ?? current.get(key), key, change, now));
  return withItems(detail, rows);
}

/**
 * Whether two rows show the same: everything but `updatedAt`, which the page
 * never shows. A server answer that only confirms the optimistic row is then
 * not written, and the roadmap does not render again for it.
 */
export function sameItem(a: ItemProgressJson | null | undefined, b: ItemProgressJson | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.state === b.state &&
    a.notApplicableReason === b.notApplicableReason &&
    a.note === b.note &&
    a.archived === b.archived &&
    a.links.length === b.links.length &&
    a.links.every((link, index) => link.url === b.links[index]!.url && (link.title ?? null) === (b.links[index]!.title ?? null))
  );
}

/** The row an item has in a detail; undefined when it has none (NOT_STARTED, no note). */
export function itemRowOf(detail: AssignmentDetailJson, key: string): ItemProgressJson | undefined {
  return detail.progress.find((row) => row.stableKey === key);
}
