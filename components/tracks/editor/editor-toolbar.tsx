"use client";

import { Button } from "@/components/ui/button";
import type { NodeActions } from "./node-actions";

export type ToolbarAction = "addItem" | "addChild" | "addSection" | "rename" | "moveUp" | "moveDown" | "indent" | "outdent" | "delete";

const BUTTONS: Array<{ action: ToolbarAction; label: string; keys?: string }> = [
  { action: "addItem", label: "Add item", keys: "Insert" },
  { action: "addChild", label: "Add child", keys: "Shift+Insert" },
  { action: "addSection", label: "Add section" },
  { action: "rename", label: "Rename", keys: "F2" },
  { action: "moveUp", label: "Move up", keys: "Alt+ArrowUp" },
  { action: "moveDown", label: "Move down", keys: "Alt+ArrowDown" },
  { action: "indent", label: "Indent", keys: "Tab" },
  { action: "outdent", label: "Outdent", keys: "Shift+Tab" },
  { action: "delete", label: "Delete", keys: "Delete" },
];

/** Every tree action as a button acting on the selected row, enabled exactly when the server would accept it. */
export function EditorToolbar({
  actions,
  hasSelection,
  canUndo,
  undoLabel,
  onAction,
  onUndo,
  onExpandAll,
  onCollapseAll,
}: {
  actions: NodeActions;
  hasSelection: boolean;
  canUndo: boolean;
  undoLabel: string | null;
  onAction: (action: ToolbarAction) => void;
  onUndo: () => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  const enabled = (action: ToolbarAction) => (action === "rename" || action === "delete" ? hasSelection : actions[action] !== null);
  return (
    <div role="group" aria-label="Edit the selected row" className="flex flex-wrap items-center gap-1.5">
      {BUTTONS.map(({ action, label, keys }) => (
        <Button key={action} variant={action === "delete" ? "ghost" : "secondary"} size="sm" disabled={!enabled(action)} aria-keyshortcuts={keys} onClick={() => onAction(action)} className={action === "delete" ? "text-danger" : undefined}>
          {label}
        </Button>
      ))}
      <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
      <Button variant="secondary" size="sm" disabled={!canUndo} aria-keyshortcuts="Control+Z" title={undoLabel ? `Undo: ${undoLabel}` : undefined} onClick={onUndo}>
        Undo
      </Button>
      <Button variant="ghost" size="sm" onClick={onExpandAll}>
        Expand all
      </Button>
      <Button variant="ghost" size="sm" onClick={onCollapseAll}>
        Collapse all
      </Button>
    </div>
  );
}
