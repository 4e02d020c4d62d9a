/**
 * The members list's cursor: the sort key (user name, membership id) of the last
 * row a client saw, base64url-encoded. It names a position, not a row or an
 * organization: the query it continues is always scoped to the caller's
 * organization, so a forged cursor can only skip within it. A position survives
 * the row being removed, so a page never repeats or skips a member.
 */
export interface MemberPosition {
  name: string | null;
  id: string;
}

export function encodeCursor(position: MemberPosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id]), "utf8").toString("base64url");
}

/** The position a cursor names, or null when it is not one this API issued. */
export function decodeCursor(cursor: string): MemberPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [name, id] = value as unknown[];
    if ((name !== null && typeof name !== "string") || typeof id !== "string" || id.length === 0) return null;
    return { name, id };
  } catch {
    return null;
  }
}
