import { groupOutline } from "./outline-groups";
import type { OutlineNode } from "./types";

/**
 * A roadmap as collapsible sections. Native <details>/<summary> carry the open
 * state and the keyboard handling, and each item is a plain <li>: the 703-row
 * seed renders as static markup with no per-row component state.
 */
export function OutlineTree({ nodes, label, open = false }: { nodes: readonly OutlineNode[]; label: string; open?: boolean }) {
  const groups = groupOutline(nodes);
  return (
    <div aria-label={label} role="group" className="flex flex-col gap-2">
      {groups.map((group, index) => {
        const list = (
          <ul className="flex flex-col py-1 text-sm">
            {group.items.map((item, itemIndex) => (
              <li key={itemIndex} className="py-0.5" style={{ paddingLeft: `${(item.depth - group.baseDepth) * 1.25 + 0.75}rem` }}>
                {item.title}
                {item.optional ? <span className="ml-2 rounded bg-surface-muted px-1.5 text-xs text-muted-foreground">optional</span> : null}
              </li>
            ))}
          </ul>
        );
        if (!group.section) return <div key={index}>{list}</div>;
        return (
          <details key={index} open={open} className="rounded-lg border border-border bg-surface">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
              {group.section.title}
              {group.section.optional ? <span className="ml-2 text-xs text-muted-foreground">(optional)</span> : null}
              <span className="ml-2 text-xs font-normal text-muted-foreground">
                {group.items.length} {group.items.length === 1 ? "item" : "items"}
              </span>
            </summary>
            <div className="border-t border-border">{list}</div>
          </details>
        );
      })}
    </div>
  );
}
