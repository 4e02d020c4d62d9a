/**
 * What the shared keys do on the rows on screen (visible-rows.ts). Pure, so the
 * moves are tested without a browser; each screen carries them out its own way
 * (the roadmap focuses at once, the editor selects and focuses after a render).
 */
import type { NavigationCommand } from "./tree-keys";
import type { VisibleRow } from "./visible-rows";

type Row = Pick<VisibleRow, "key" | "level" | "expandable" | "expanded">;

export type TreeMove = { kind: "collapse" | "expand"; key: string } | { kind: "focus"; key: string } | null;

/** The row focus moves to from `key`; null when it stays (the edge of the list). A row no longer on screen starts again at the top. */
export function moveTo(rows: readonly Row[], key: string, command: "previous" | "next" | "first" | "last"): string | null {
  if (rows.length === 0) return null;
  if (command === "first") return rows[0]!.key;
  if (command === "last") return rows.at(-1)!.key;
  const at = rows.findIndex((row) => row.key === key);
  if (at < 0) return rows[0]!.key;
  const next = rows[command === "next" ? at + 1 : at - 1];
  return next ? next.key : null;
}

/** ←: fold an unfolded row, else go to its parent row. */
export function collapseAction(rows: readonly Row[], key: string, parentKeyOf: (key: string) => string | null): TreeMove {
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) return null;
  if (row.expanded) return { kind: "collapse", key };
  const parent = parentKeyOf(key);
  return parent === null ? null : { kind: "focus", key: parent };
}

/** →: unfold a folded row, else go to its first child; nothing on a leaf. */
export function expandAction(rows: readonly Row[], key: string): TreeMove {
  const at = rows.findIndex((candidate) => candidate.key === key);
  const row = rows[at];
  if (!row || !row.expandable) return null;
  if (!row.expanded) return { kind: "expand", key };
  const child = rows[at + 1];
  return child && child.level === row.level + 1 ? { kind: "focus", key: child.key } : null;
}

/** One shared key's effect: a row to focus, a row to fold or unfold, or nothing. */
export function navigate(rows: readonly Row[], key: string, command: NavigationCommand, parentKeyOf: (key: string) => string | null): TreeMove {
  if (command === "collapse") return collapseAction(rows, key, parentKeyOf);
  if (command === "expand") return expandAction(rows, key);
  const target = moveTo(rows, key, command);
  return target === null ? null : { kind: "focus", key: target };
}
