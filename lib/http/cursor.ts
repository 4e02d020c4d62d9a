/**
 * List cursors: the sort key of the last row a client saw, as base64url JSON.
 * A cursor names a position, not a row or an organization: the query it
 * continues is always scoped to the caller's organization, so a forged cursor
 * can only skip within it, and a position survives its row being deleted.
 */

export function encodeCursorParts(parts: ReadonlyArray<string | null>): string {
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

/** The parts of a cursor this API issued with `arity` parts, or null for anything else. */
export function decodeCursorParts(cursor: string, arity: number): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value) && value.length === arity ? value : null;
  } catch {
    return null;
  }
}

/** The position of lists ordered by (createdAt, id). */
export interface CreatedAtPosition {
  createdAt: Date;
  id: string;
}

export function encodeCreatedAtCursor(position: CreatedAtPosition): string {
  return encodeCursorParts([position.createdAt.toISOString(), position.id]);
}

export function decodeCreatedAtCursor(cursor: string): CreatedAtPosition | null {
  const [createdAt, id] = decodeCursorParts(cursor, 2) ?? [];
  if (typeof createdAt !== "string" || typeof id !== "string" || id.length === 0) return null;
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? null : { createdAt: date, id };
}
