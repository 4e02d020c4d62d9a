/**
 * A live progress event applied to a cached assignment in place. A progress.updated
 * event carries the item's key and its old and new state, so a mentor's tab can move
 * one item and recount (the recount the hire's own tab does for its optimistic writes)
 * instead of reading the whole 700-node assignment again on every click of the hire.
 *
 * Anything the event does not fully describe is refused (null), and the caller reads
 * the assignment again as before: a note or links changed, "not applicable" (its
 * reason is not in the event), an item this copy does not know (another version), or
 * an item whose state here is not the event's `from` (this copy missed something).
 */
import type { ProgressState } from "@/lib/progress/progress-math";
import { changedItem, withItems } from "@/components/assignments/roadmap/optimistic-progress";
import { roadmapModelOf } from "@/components/assignments/roadmap/roadmap-model";
import type { AssignmentDetailJson, ItemProgressJson } from "@/components/assignments/roadmap/types";
import type { LiveEvent } from "./live-stream";

const PATCHABLE_STATES: ReadonlySet<unknown> = new Set<ProgressState>(["NOT_STARTED", "IN_PROGRESS", "DONE"]);

interface StateChange {
  key: string;
  from: ProgressState;
  to: ProgressState;
  at: string;
}

/** The state change a progress event describes completely, or null. */
function stateChangeOf(event: LiveEvent): StateChange | null {
  const { key, from, to, noteChanged, linksChanged } = event.payload;
  if (typeof key !== "string" || noteChanged || linksChanged) return null;
  // NOT_APPLICABLE as `from` is fine: leaving it clears the reason, which the event need not carry.
  if (!(PATCHABLE_STATES.has(to) && (PATCHABLE_STATES.has(from) || from === "NOT_APPLICABLE"))) return null;
  return { key, from: from as ProgressState, to: to as ProgressState, at: event.createdAt };
}

/**
 * The detail after one assignment's events (in sequence order), or null when they
 * cannot be applied here and the assignment must be read again. Also returns the
 * items it moved, whose history is then stale.
 */
export function patchProgress(detail: AssignmentDetailJson, events: readonly LiveEvent[]): { detail: AssignmentDetailJson; keys: string[] } | null {
  const changes: StateChange[] = [];
  let completed = false;
  for (const event of events) {
    const change = event.type === "progress.updated" ? stateChangeOf(event) : null;
    if (change) changes.push(change);
    else if (event.type === "assignment.completed") completed = true;
    else return null;
  }
  const model = roadmapModelOf(detail);
  const current = new Map<string, ItemProgressJson>(detail.progress.filter((row) => !row.archived).map((row) => [row.stableKey, row]));
  const rows = new Map<string, ItemProgressJson>();
  for (const change of changes) {
    const node = model.nodes[model.indexOf.get(change.key) ?? -1];
    if (!node?.leaf) return null;
    const row = rows.get(change.key) ?? current.get(change.key);
    const state = row?.state ?? "NOT_STARTED";
    // Already showing the new state (the hire's own tab, whose write answered first): nothing to do.
    if (state === change.to) continue;
    if (state !== change.from) return null;
    rows.set(change.key, changedItem(row, change.key, { state: change.to }, change.at));
  }
  const patched = withItems(detail, rows, model);
  // The server said the assignment completed: the recount must agree, or this copy is wrong.
  if (completed && patched.assignment.status !== "COMPLETED") return null;
  return { detail: patched, keys: [...rows.keys()] };
}
