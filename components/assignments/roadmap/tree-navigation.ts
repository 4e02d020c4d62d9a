/**
 * The roadmap tree's keys: the shared tree keys (components/ui/tree: ↑↓ Home End
 * move, ←→ fold), then Space marks an item, Enter opens it, Shift+F10 opens a
 * section's actions; while the item panel is open, j and k move it to the next
 * and previous item. Pure, so they are tested without a browser.
 */
import { hasModifier, navigationCommand } from "@/components/ui/tree/tree-keys";
import type { KeyPress, NavigationCommand } from "@/components/ui/tree/tree-keys";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";

/** "fold" comes from a click on a row's arrow; the others from keys. */
export type TreeCommand = NavigationCommand | "space" | "open" | "actions" | "fold";

export function treeCommandFor(press: KeyPress): TreeCommand | null {
  // Shift+F10 and the context-menu key open a section's actions, as they would a right click.
  if (press.key === "ContextMenu" || (press.key === "F10" && press.shiftKey)) return "actions";
  if (hasModifier(press)) return null;
  const move = navigationCommand(press.key);
  if (move) return move;
  if (press.key === " ") return "space";
  if (press.key === "Enter") return "open";
  return null;
}

export type SpaceAction =
  | { kind: "set"; to: ProgressState }
  /** A section or a parent item: its leaves are what get marked, so Space folds or unfolds it. */
  | { kind: "fold" }
  | { kind: "refuse"; why: "needs evidence" | "skipped" | "not applicable" | "not applicable above" | "read-only" };

/**
 * What Space does on a row: an item goes NOT_STARTED → DONE, IN_PROGRESS → DONE and
 * DONE → NOT_STARTED. An item that needs evidence is done only through an approved
 * review, so Space never changes it (undoing an approval by a stray key would be
 * worse than a refusal). Skipped and not-applicable items are changed in their panel.
 */
export function spaceAction(input: { leaf: boolean; evidenceRequired: boolean; own: ProgressState; effective: EffectiveState; readOnly: boolean }): SpaceAction {
  if (!input.leaf) return { kind: "fold" };
  if (input.readOnly) return { kind: "refuse", why: "read-only" };
  if (input.effective === "SKIPPED") return { kind: "refuse", why: "skipped" };
  if (input.own === "NOT_APPLICABLE") return { kind: "refuse", why: "not applicable" };
  if (input.effective === "NOT_APPLICABLE") return { kind: "refuse", why: "not applicable above" };
  if (input.evidenceRequired) return { kind: "refuse", why: "needs evidence" };
  return { kind: "set", to: input.own === "DONE" ? "NOT_STARTED" : "DONE" };
}

export type PanelMove = "next" | "previous";

/** j and k while the item panel is open, as in Gmail and Linear; with a modifier they are the browser's. */
export function panelMoveFor(press: KeyPress): PanelMove | null {
  if (hasModifier(press)) return null;
  if (press.key === "j") return "next";
  if (press.key === "k") return "previous";
  return null;
}

/**
 * The item j or k opens from `key`: the nearest item (not a section: Enter opens no
 * panel for one) among the rows on screen, so the search, the state filter and the
 * folds decide, as they do for ↑ and ↓. An item no longer on screen (the filter changed
 * under it) keeps its place in the track's order. Null at either end: the panel stays.
 */
export function adjacentItem(rows: readonly VisibleRow[], model: RoadmapModel, key: string, move: PanelMove): string | null {
  const at = model.indexOf.get(key);
  if (at === undefined) return null;
  const isItem = (row: VisibleRow) => model.nodes[row.index]!.kind === "ITEM";
  if (move === "next") return rows.find((row) => row.index > at && isItem(row))?.key ?? null;
  return rows.findLast((row) => row.index < at && isItem(row))?.key ?? null;
}
