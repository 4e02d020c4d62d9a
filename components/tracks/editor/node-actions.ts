/**
 * Which toolbar actions the selected node allows and where each one puts things,
 * decided by the same tree-edit functions the server runs: a disabled button is
 * a change the server would refuse.
 */
import { indentDestination, insertSubtree, outdentDestination, shiftDestination, TreeEditError } from "@/lib/tracks/tree-edit";
import type { Destination, NodeKind, TreeNode } from "@/lib/tracks/tree-edit";
import type { PlacedNode } from "./types";

type Place = Required<Destination>;

export interface NodeActions {
  addItem: Place | null;
  addChild: Place | null;
  addSection: Place | null;
  moveUp: Place | null;
  moveDown: Place | null;
  indent: Place | null;
  outdent: Place | null;
}

function fits(nodes: readonly PlacedNode[], destination: Place, kind: NodeKind): Place | null {
  try {
    insertSubtree<TreeNode>(nodes, destination, [{ key: "probe:new", parentKey: null, kind }]);
    return destination;
  } catch (error) {
    if (error instanceof TreeEditError) return null;
    throw error;
  }
}

const childCount = (nodes: readonly PlacedNode[], parentKey: string | null) => nodes.reduce((count, node) => count + (node.parentKey === parentKey ? 1 : 0), 0);

/** "Add item": right below the selected item, or first inside a selected section; with nothing selected, at the end. */
function addItemPlace(nodes: readonly PlacedNode[], selected: PlacedNode | null): Place {
  if (selected) return selected.kind === "SECTION" ? { parentKey: selected.key, position: 0 } : { parentKey: selected.parentKey, position: selected.position + 1 };
  const lastSection = nodes.findLast((node) => node.kind === "SECTION");
  return lastSection ? { parentKey: lastSection.key, position: childCount(nodes, lastSection.key) } : { parentKey: null, position: childCount(nodes, null) };
}

/** "Add section": after the section the selection is in, or at the end. */
function addSectionPlace(nodes: readonly PlacedNode[], selected: PlacedNode | null): Place {
  if (!selected) return { parentKey: null, position: childCount(nodes, null) };
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  let top = selected;
  while (top.parentKey !== null) top = byKey.get(top.parentKey)!;
  return { parentKey: null, position: top.position + 1 };
}

export function nodeActions(nodes: readonly PlacedNode[], selectedKey: string | null): NodeActions {
  const selected = nodes.find((node) => node.key === selectedKey) ?? null;
  const add = addItemPlace(nodes, selected);
  return {
    addItem: fits(nodes, add, "ITEM"),
    addChild: selected ? fits(nodes, { parentKey: selected.key, position: childCount(nodes, selected.key) }, "ITEM") : null,
    addSection: fits(nodes, addSectionPlace(nodes, selected), "SECTION"),
    moveUp: selected ? shiftDestination(nodes, selected.key, -1) : null,
    moveDown: selected ? shiftDestination(nodes, selected.key, 1) : null,
    indent: selected ? indentDestination(nodes, selected.key) : null,
    outdent: selected ? outdentDestination(nodes, selected.key) : null,
  };
}
