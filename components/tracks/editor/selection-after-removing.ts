/** Where the selection goes when a row is deleted. */
import type { PlacedNode } from "./types";

/** The row to select once `key` and everything under it are gone: the next row on screen, else the one above. */
export function selectionAfterRemoving(nodes: readonly PlacedNode[], rows: ReadonlyArray<{ node: PlacedNode }>, key: string): string | null {
  const index = rows.findIndex((row) => row.node.key === key);
  if (index < 0) return null;
  const depth = rows[index]!.node.depth;
  const after = rows.slice(index + 1).find((row) => row.node.depth <= depth);
  return after?.node.key ?? rows[index - 1]?.node.key ?? nodes.find((node) => node.key !== key)?.key ?? null;
}
