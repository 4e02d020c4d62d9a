/**
 * The tracks list's cursor: the sort key (createdAt, id) of the last row a client
 * saw, base64url-encoded. Like the members cursor it names a position, not a row,
 * and the query it continues is always scoped to the caller's organization.
 */
export interface TrackPosition {
  createdAt: Date;
  id: string;
}

export function encodeTrackCursor(position: TrackPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), "utf8").toString("base64url");
}

/** The position a cursor names, or null when it is not one this API issued. */
export function decodeTrackCursor(cursor: string): TrackPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== "string" || typeof id !== "string" || id.length === 0) return null;
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime())) return null;
    return { createdAt: date, id };
  } catch {
    return null;
  }
}
