/**
 * Which keys the open item panel takes from the whole page (it is not modal on wide
 * screens, so focus may be in the tree or the panel): j and k move it, Escape closes it.
 * A key another control already handled (a menu's Escape, a form's Escape that cancels
 * it) or typed into a field is left alone, and so is one meant for another dialog
 * (a confirmation opened over the page).
 */
import type { KeyPress } from "@/components/ui/tree/tree-keys";
import { panelMoveFor } from "./tree-navigation";
import type { PanelMove } from "./tree-navigation";

export type PanelKey = { kind: "move"; move: PanelMove } | { kind: "close" } | null;

export interface PanelKeyEvent extends KeyPress {
  defaultPrevented: boolean;
  /** Focus is in a text field, a select or an editable element. */
  inField: boolean;
  /** Focus is inside the panel itself. */
  inPanel: boolean;
  /** Focus is inside another dialog (a confirmation, the evidence form's dialog). */
  inOtherDialog: boolean;
}

export function panelKeyFor(event: PanelKeyEvent): PanelKey {
  if (event.defaultPrevented || event.inOtherDialog) return null;
  // Escape in a field of the panel closes it (as the modal did); in the page's search box it is the box's.
  if (event.key === "Escape") return event.inField && !event.inPanel ? null : { kind: "close" };
  if (event.inField) return null;
  const move = panelMoveFor(event);
  return move ? { kind: "move", move } : null;
}

/** Where a key event happened, for panelKeyFor. */
export function panelKeyEventOf(event: KeyboardEvent, panel: HTMLElement | null): PanelKeyEvent {
  const target = event.target instanceof Element ? event.target : null;
  const field = target?.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") ?? null;
  const dialog = target?.closest("dialog, [role='dialog'], [role='alertdialog']") ?? null;
  return {
    key: event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    defaultPrevented: event.defaultPrevented,
    // A checkbox or a radio takes no text: j and k still move from it.
    inField: field !== null && !(field instanceof HTMLInputElement && ["checkbox", "radio", "button", "submit"].includes(field.type)),
    inPanel: panel !== null && target !== null && panel.contains(target),
    inOtherDialog: dialog !== null && dialog !== panel,
  };
}
