/** The tree's keys, listed where the editor is (tree-keyboard.ts is the source). */
const SHORTCUTS: Array<[string, string]> = [
  ["↑ / ↓", "Select the row above / below (Home / End: first / last)"],
  ["← / →", "Fold / unfold, or go to the parent / first child"],
  ["Enter or F2", "Rename (Enter saves, Escape cancels)"],
  ["Alt+↑ / Alt+↓", "Move up / down among its siblings"],
  ["Tab / Shift+Tab", "Indent / outdent"],
  ["Escape, then Tab", "Leave the tree"],
  ["Insert", "Add an item below"],
  ["Shift+Insert", "Add an item inside"],
  ["Delete", "Delete (asks first when it has nested rows)"],
  ["Ctrl+Z / ⌘Z", "Undo the last change"],
  ["Ctrl+Enter", "Save the details panel"],
];

export function ShortcutsHelp() {
  return (
    <details className="rounded-xl border border-border bg-surface px-4 py-2 text-sm">
      <summary className="font-medium">Keyboard shortcuts</summary>
      <p className="mt-2 text-muted-foreground">On a selected row (not while typing in a field). Rows can also be dragged: drop on the upper or lower edge of a row to place it before or after, on its middle to put it inside.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 pb-2">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt className="font-mono text-xs leading-5 whitespace-nowrap">{keys}</dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
