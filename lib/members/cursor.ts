/**
 * The members list's cursor: (user name, membership id) of the last row a
 * client saw. See lib/http/cursor.ts for why a cursor is safe to accept.
 */
import { decodeCursorParts, encodeCursorParts } from "@/lib/http/cursor";

export interface MemberPosition {
  name: string | null;
  id: string;
}

export function encodeCursor(position: MemberPosition): string {
  return encodeCursorParts([position.name, position.id]);
}

/** The position a cursor names, or null when it is not one this API issued. */
export function decodeCursor(cursor: string): MemberPosition | null {
  const [name, id] = decodeCursorParts(cursor, 2) ?? [];
  if ((name !== null && typeof name !== "string") || typeof id !== "string" || id.length === 0) return null;
  return { name, id };
}
