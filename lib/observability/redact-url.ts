/**
 * URLs as they may appear in a log line. Invitation, password-reset, verification and
 * sign-in links carry their token in the path (/invitations/<token>) or the query
 * (?token=…): whoever reads the logs must not be able to use them. Works on the raw
 * string (no parsing that could throw or normalize), so any value is safe to pass.
 */

export const REDACTED = "[redacted]";

// Query keys whose values are credentials: our links' token, OAuth's code and state, and the usual suspects.
const SECRET_QUERY_KEY = /^(token|code|state|secret|password|passwd|signature|sig|key|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|otp)$/i;
// A long run of base64url/hex: the shape of every token Cairn mints (32 random bytes → 43
// characters). Ids are shorter (cuid 25, node ids 23, stable keys 16); UUIDs are let through.
const TOKEN_LIKE = /^(%[0-9A-Fa-f]{2}|[A-Za-z0-9_~.-]){32,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Paths whose segment after "invitations" is the token itself, whatever it looks like.
const TOKEN_ROUTE = /^((?:\/api\/v1)?\/invitations\/)[^/?#]+/;

const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
};

function redactSegment(segment: string): string {
  return TOKEN_LIKE.test(segment) && !UUID.test(segment) ? REDACTED : segment;
}

function redactQuery(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      if (equals < 0) return pair;
      const key = pair.slice(0, equals);
      return SECRET_QUERY_KEY.test(safeDecode(key)) ? `${key}=${REDACTED}` : pair;
    })
    .join("&");
}

/** `url` (a path with its query, or an absolute URL) with token-like path segments and secret query values replaced. */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf("#");
  const withoutHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  const path = queryAt < 0 ? withoutHash : withoutHash.slice(0, queryAt);
  const query = queryAt < 0 ? null : withoutHash.slice(queryAt + 1);
  // An absolute URL keeps its scheme and host; only the path after them is looked at.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? "";
  const redactedPath = path.slice(origin.length).replace(TOKEN_ROUTE, `$1${REDACTED}`).split("/").map(redactSegment).join("/");
  return `${origin}${redactedPath}${query === null ? "" : `?${redactQuery(query)}`}${hashAt < 0 ? "" : `#${REDACTED}`}`;
}
