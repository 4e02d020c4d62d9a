import { STATE_LABEL } from "./state-labels";
import type { ItemHistoryEntryJson } from "./types";

/** "Not started → Done · note changed", or just what changed when the state did not. */
export function historyLine(entry: Pick<ItemHistoryEntryJson, "from" | "to" | "noteChanged" | "linksChanged">): string {
  const parts: string[] = [];
  if (entry.from !== entry.to) parts.push(`${STATE_LABEL[entry.from]} → ${STATE_LABEL[entry.to]}`);
  if (entry.noteChanged) parts.push(parts.length ? "note changed" : "Note changed");
  if (entry.linksChanged) parts.push(parts.length ? "links changed" : "Links changed");
  return parts.length ? parts.join(" · ") : `${STATE_LABEL[entry.to]} (unchanged)`;
}
