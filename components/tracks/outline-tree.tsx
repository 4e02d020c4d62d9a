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
                <ItemLinks node={item} />
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

/** An item's links: the stored ones as links (http(s) only, checked on the way in), a preview's as a count. */
function ItemLinks({ node }: { node: OutlineNode }) {
  if (node.resources && node.resources.length > 0) {
    return (
      <span className="ml-2 inline-flex flex-wrap gap-x-2 text-xs">
        {node.resources.map((resource, index) => (
          <a key={index} href={resource.url} rel="noopener noreferrer nofollow" target="_blank" className="text-link underline underline-offset-2">
            {resource.title || resource.url}
          </a>
        ))}
      </span>
    );
  }
  if (node.links) {
    return (
      <span className="ml-2 text-xs text-muted-foreground">
        {node.links} {node.links === 1 ? "link" : "links"}
      </span>
    );
  }
  return null;
}
