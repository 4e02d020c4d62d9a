/**
 * The roadmap tree's keys, per the WAI-ARIA tree pattern: ↑/↓ move between the
 * rows on screen, Home/End jump, ← folds a row (or goes to its parent), →
 * unfolds it (or goes to its first child), Space marks an item, Enter opens it.
 * Pure, so the moves are tested without a browser.
 */
import type { ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState } from "./roadmap-model";
import type { VisibleRow } from "./visible-rows";

/** "fold" comes from a click on a row's arrow; the others from keys. */
export type TreeCommand = "previous" | "next" | "first" | "last" | "left" | "right" | "space" | "open" | "actions" | "fold";

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function treeCommandFor({ key, altKey, ctrlKey, metaKey, shiftKey }: KeyPress): TreeCommand | null {
  // Shift+F10 and the context-menu key open a section's actions, as they would a right click.
  if (key === "ContextMenu" || (key === "F10" && shiftKey)) return "actions";
  if (altKey || ctrlKey || metaKey || shiftKey) return null;
  switch (key) {
    case "ArrowUp":
      return "previous";
    case "ArrowDown":
      return "next";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case " ":
      return "space";
    case "Enter":
      return "open";
    default:
      return null;
  }
}

/** The row focus moves to from `key`; null when it stays (the edge of the list, or an unknown row). */
export function moveTo(rows: readonly VisibleRow[], key: string, command: "previous" | "next" | "first" | "last"): string | null {
  if (rows.length === 0) return null;
  if (command === "first") return rows[0]!.key;
  if (command === "last") return rows.at(-1)!.key;
  const at = rows.findIndex((row) => row.key === key);
  if (at < 0) return rows[0]!.key;
  const next = rows[command === "next" ? at + 1 : at - 1];
  return next ? next.key : null;
}

export type FoldAction = { kind: "collapse" | "expand"; key: string } | { kind: "focus"; key: string } | null;

/** ←: fold an unfolded row, else go to its parent row. */
export function leftAction(rows: readonly VisibleRow[], key: string, parentKeyOf: (key: string) => string | null): FoldAction {
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) return null;
  if (row.expanded) return { kind: "collapse", key };
  const parent = parentKeyOf(key);
  return parent === null ? null : { kind: "focus", key: parent };
}

/** →: unfold a folded row, else go to its first child; nothing on a leaf. */
export function rightAction(rows: readonly VisibleRow[], key: string): FoldAction {
  const at = rows.findIndex((candidate) => candidate.key === key);
  const row = rows[at];
  if (!row || !row.expandable) return null;
  if (!row.expanded) return { kind: "expand", key };
  const child = rows[at + 1];
  return child && child.level === row.level + 1 ? { kind: "focus", key: child.key } : null;
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
