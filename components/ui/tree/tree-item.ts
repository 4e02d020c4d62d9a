/**
 * The attributes that make a row a treeitem, shared by every tree so they agree:
 * the list finds rows by role and `data-key`, assistive technology reads level,
 * set size and position, and one row at a time is in the tab order (roving
 * tabindex). Each screen adds its own aria-selected, aria-checked and labels.
 */
import type { VisibleRow } from "./visible-rows";

export function treeItemAttributes(row: Pick<VisibleRow, "key" | "level" | "setSize" | "posInSet" | "expandable" | "expanded">, tabbable: boolean) {
  return {
    role: "treeitem",
    "data-key": row.key,
    "aria-level": row.level,
    "aria-setsize": row.setSize,
    "aria-posinset": row.posInSet,
    // A leaf has no aria-expanded at all: "false" would announce it as folded.
    "aria-expanded": row.expandable ? row.expanded : undefined,
    tabIndex: tabbable ? 0 : -1,
  } as const;
}
