/**
 * List cursors: the sort key of the last row a client saw, as base64url JSON.
 * A cursor names a position, not a row or an organization: the query it
 * continues is always scoped to the caller's organization, so a forged cursor
 * can only skip within it, and a position survives its row being deleted.
 *
 * A cursor is decoded after the gate checked the query, so it is checked here for
 * what the gate checks in text: its parts must be values this API could have
 * written (decision 0021: a forged part with a NUL, or an instant PostgreSQL
 * cannot hold, reached the query and answered 500).
 */
import { unstorableTextProblem } from "./storable-text";

export function encodeCursorParts(parts: ReadonlyArray<string | null>): string {
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

/** The parts of a cursor this API issued with `arity` parts, or null for anything else. */
export function decodeCursorParts(cursor: string, arity: number): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== arity) return null;
    return value.some((part) => typeof part === "string" && unstorableTextProblem(part) !== null) ? null : value;
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

/**
 * An instant exactly as `toISOString()` writes one, in years 0001–9999: what
 * encodeCreatedAtCursor makes of a row's time. JavaScript also reads "+275760-09-13…",
 * "-271821-04-20…" or year 0000, which PostgreSQL's timestamps cannot hold.
 */
const ISSUED_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCreatedAtCursor(cursor: string): CreatedAtPosition | null {
  const [createdAt, id] = decodeCursorParts(cursor, 2) ?? [];
  if (typeof createdAt !== "string" || typeof id !== "string" || id.length === 0 || !ISSUED_INSTANT.test(createdAt)) return null;
  const date = new Date(createdAt);
  // February 30th passes the pattern; its date would be March 2nd.
  return Number.isNaN(date.getTime()) || date.toISOString() !== createdAt ? null : { createdAt: date, id };
}
