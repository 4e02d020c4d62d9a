/**
 * The pending list's cursor: the sort key (createdAt, id) of the last row a
 * client saw, base64url-encoded. Like the members cursor it names a position,
 * not a row; the query it continues is always scoped to the caller's organization.
 */
export interface InvitationPosition {
  createdAt: Date;
  id: string;
}

export function encodeInvitationCursor(position: InvitationPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), "utf8").toString("base64url");
}

export function decodeInvitationCursor(cursor: string): InvitationPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== "string" || typeof id !== "string" || id.length === 0) return null;
    const date = new Date(createdAt);
    return Number.isNaN(date.getTime()) ? null : { createdAt: date, id };
  } catch {
    return null;
  }
}
