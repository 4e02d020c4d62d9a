import type { AssignmentSummaryJson } from "../roadmap/types";

/** How many assignments get their next items read (one detail request each): a hire has a handful at most. */
export const NEXT_UP_DETAILS = 3;

/**
 * The hire's list: active work first (overdue before the rest, then the
 * nearest due date, undated last), completed after, each group keeping the
 * API's newest-first order otherwise.
 */
export function orderMyAssignments<T extends Pick<AssignmentSummaryJson, "status" | "overdue" | "dueDate">>(items: readonly T[]): T[] {
  const rank = (item: T) => (item.status === "ACTIVE" ? (item.overdue ? 0 : 1) : item.status === "COMPLETED" ? 2 : 3);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || dueOrder(a.item.dueDate, b.item.dueDate) || a.index - b.index)
    .map(({ item }) => item);
}

function dueOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
