/**
 * What a key on a row of the editor's tree does, decided from the rows on screen:
 * pure, so the keymap's effects are tested without a browser. The workspace
 * carries them out (select, fold, rename, or an edit through editor.edit()).
 */
import { navigate } from "@/components/ui/tree/tree-moves";
import type { TreeCommand } from "./tree-keyboard";
import type { TreeRow } from "./visible-rows";

export type MoveCommand = "moveUp" | "moveDown" | "indent" | "outdent";

/** The words of a move: what it announces when done, and why it is refused where it cannot go. */
export const MOVE_WORDS: Record<MoveCommand, { verb: string; refusal: string }> = {
  moveUp: { verb: "Moved up", refusal: "It is already first among its siblings" },
  moveDown: { verb: "Moved down", refusal: "It is already last among its siblings" },
  indent: { verb: "Indented", refusal: "It cannot be indented: it needs an item above it at the same level" },
  outdent: { verb: "Outdented", refusal: "It cannot be outdented any further" },
};

export type EditorEffect =
  /** Select the row and focus it. */
  | { kind: "select"; key: string }
  | { kind: "toggle"; key: string }
  | { kind: "rename"; key: string }
  | { kind: "move"; key: string; move: MoveCommand }
  | { kind: "add"; key: string; place: "addItem" | "addChild" }
  | { kind: "delete"; key: string }
  | null;

export function editorEffect(command: TreeCommand, key: string, rows: readonly TreeRow[]): EditorEffect {
  const row = rows.find((candidate) => candidate.key === key);
  // A key on a row that is gone (removed a moment ago) does nothing.
  if (!row) return null;
  switch (command) {
    case "previous":
    case "next":
    case "first":
    case "last":
    case "collapse":
    case "expand": {
      const move = navigate(rows, key, command, () => row.node.parentKey);
      if (move === null) return null;
      return move.kind === "focus" ? { kind: "select", key: move.key } : { kind: "toggle", key: move.key };
    }
    case "rename":
      return { kind: "rename", key };
    case "moveUp":
    case "moveDown":
    case "indent":
    case "outdent":
      return { kind: "move", key, move: command };
    case "addItem":
    case "addChild":
      return { kind: "add", key, place: command };
    case "delete":
      return { kind: "delete", key };
    case "release":
      return null;
  }
}
