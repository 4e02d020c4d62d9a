/**
 * Where a dragged row lands: before, after or inside the row under the pointer,
 * as a move destination, or null when the move is impossible (checked with the
 * server's own moveSubtree, so a refused drop sends nothing) or changes nothing.
 */
import { moveSubtree, TreeEditError } from "@/lib/tracks/tree-edit";
import type { Destination, NodeKind } from "@/lib/tracks/tree-edit";
import type { PlacedNode } from "./types";

export type DropZone = "before" | "after" | "inside";

/**
 * The zone from the pointer's height within the row: the top and bottom quarters
 * are the gaps between rows, the middle is the row itself. A section takes an
 * item only inside it, and a section only goes between sections.
 */
export function zoneAt(offsetY: number, height: number, dragKind: NodeKind, targetKind: NodeKind): DropZone {
  if (dragKind === "ITEM" && targetKind === "SECTION") return "inside";
  if (dragKind === "SECTION") return offsetY < height / 2 ? "before" : "after";
  if (offsetY < height / 4) return "before";
  if (offsetY > (height * 3) / 4) return "after";
  return "inside";
}

export function dropDestination(nodes: readonly PlacedNode[], dragKey: string, targetKey: string, zone: DropZone, targetExpanded: boolean): Required<Destination> | null {
  if (dragKey === targetKey) return null;
  const dragged = nodes.find((node) => node.key === dragKey);
  const target = nodes.find((node) => node.key === targetKey);
  if (!dragged || !target) return null;
  // Just below an open row is its first child, which is what the line there shows.
  const where = zone === "after" && targetExpanded ? "inside" : zone;
  let destination: Required<Destination>;
  if (where === "inside") {
    destination = { parentKey: target.key, position: 0 };
  } else {
    // Positions count the siblings once the dragged node is lifted out.
    const liftedBefore = dragged.parentKey === target.parentKey && dragged.position < target.position ? 1 : 0;
    destination = { parentKey: target.parentKey, position: target.position + (where === "after" ? 1 : 0) - liftedBefore };
  }
  if (dragged.parentKey === destination.parentKey && dragged.position === destination.position) return null;
  try {
    moveSubtree(nodes, dragKey, destination);
    return destination;
  } catch (error) {
    if (error instanceof TreeEditError) return null;
    throw error;
  }
}
