/**
 * The tree's keys (on a focused row, never in a text field). Tab and Shift+Tab
 * indent and outdent, so after Escape the next Tab leaves the tree as usual:
 * the way out is in the shortcuts list, and the tree is no keyboard trap. The
 * moves are the shared tree keys (components/ui/tree/tree-keys.ts).
 */
import { navigationCommand } from "@/components/ui/tree/tree-keys";
import type { KeyPress, NavigationCommand } from "@/components/ui/tree/tree-keys";

export type TreeCommand = NavigationCommand | "rename" | "moveUp" | "moveDown" | "indent" | "outdent" | "addItem" | "addChild" | "delete" | "release";

export function treeCommandFor(press: KeyPress): TreeCommand | null {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = press;
  if (ctrlKey || metaKey) return null;
  if (altKey) {
    if (key === "ArrowUp") return "moveUp";
    if (key === "ArrowDown") return "moveDown";
    return null;
  }
  // The shared moves (↑↓ Home End ←→) hold with Shift too, as they always have here.
  const move = navigationCommand(key);
  if (move) return move;
  switch (key) {
    case "Enter":
    case "F2":
      return shiftKey ? null : "rename";
    case "Tab":
      return shiftKey ? "outdent" : "indent";
    case "Insert":
      return shiftKey ? "addChild" : "addItem";
    case "Delete":
      return "delete";
    case "Escape":
      return "release";
    default:
      return null;
  }
}

/** Ctrl+Z (Cmd+Z on a Mac), outside text fields, where the browser's own undo belongs. */
export function isUndoPress(press: KeyPress): boolean {
  return (press.ctrlKey || press.metaKey) && !press.shiftKey && !press.altKey && press.key.toLowerCase() === "z";
}
