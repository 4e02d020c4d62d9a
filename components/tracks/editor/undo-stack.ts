import type { EditOp } from "./types";

/** Undo keeps this many of the latest edits. */
export const UNDO_LIMIT = 50;

export interface UndoEntry {
  /** The id of the edit it undoes. */
  id: number;
  /** What undoing does, e.g. "Undo rename of “Sets”". */
  label: string;
  inverse: EditOp;
}

/** Newest last; the oldest fall off past the limit. */
export function pushUndo(stack: readonly UndoEntry[], entry: UndoEntry): UndoEntry[] {
  return [...stack, entry].slice(-UNDO_LIMIT);
}

/** An edit that failed (or was dropped) never happened: its entry goes. */
export function dropUndo(stack: readonly UndoEntry[], id: number): UndoEntry[] {
  return stack.some((entry) => entry.id === id) ? stack.filter((entry) => entry.id !== id) : (stack as UndoEntry[]);
}

/** Replaces the inverse of an entry, as when the server answers a delete with exactly what it removed. */
export function replaceUndo(stack: readonly UndoEntry[], id: number, inverse: EditOp): UndoEntry[] {
  return stack.map((entry) => (entry.id === id ? { ...entry, inverse } : entry));
}

/** The entry to undo (the newest, or a given one) and the stack without it. */
export function takeUndo(stack: readonly UndoEntry[], id?: number): { entry: UndoEntry | null; rest: UndoEntry[] } {
  const index = id === undefined ? stack.length - 1 : stack.findIndex((entry) => entry.id === id);
  if (index < 0) return { entry: null, rest: [...stack] };
  return { entry: stack[index]!, rest: [...stack.slice(0, index), ...stack.slice(index + 1)] };
}
