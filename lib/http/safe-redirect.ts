/**
 * Where a value the user controls (`?callbackUrl=`, next-auth's callback URL) may send
 * the browser: only somewhere on Cairn's own origin. The one function every redirect
 * to such a value goes through, on the server (the sign-in page, next-auth's redirect
 * callback) and in the browser (the sign-in form), so they cannot disagree.
 *
 * The candidate is resolved the way the browser will resolve it (`new URL(candidate,
 * ownOrigin)`, the WHATWG parser, which drops tabs and newlines and reads "\" as "/") and
 * accepted only when it lands on our origin; the answer is the resolved path, search and
 * hash, never the raw candidate. Pure: no configuration reads, so the browser can run it.
 */

/** Longer than any link Cairn makes; a longer value is someone's experiment. */
export const MAX_REDIRECT_LENGTH = 2048;

// C0 controls (tab, newline, CR, NUL…), DEL and backslash: browsers drop or reinterpret
// them, so a value holding one does not mean what it appears to mean. None of our paths has one.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const AMBIGUOUS_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
// An encoded slash or backslash in the path: one more decoding (a proxy, a framework) turns
// "/%2F/evil.example" into "//evil.example". Cairn's own paths never hold one.
const ENCODED_SEPARATOR = /%(2f|5c)/i;

/**
 * The path (+ search + hash) on `ownOrigin` that `candidate` leads to, or `fallback`
 * when it leads anywhere else or cannot be trusted to lead where it seems.
 * `ownOrigin` is the public URL (NEXTAUTH_URL) on the server, `window.location.origin` in the browser.
 */
export function safeRedirectPath(candidate: unknown, ownOrigin: string, fallback = "/o"): string {
  const value = Array.isArray(candidate) ? (candidate[0] as unknown) : candidate;
  if (typeof value !== "string" || value === "" || value.length > MAX_REDIRECT_LENGTH) return fallback;
  if (AMBIGUOUS_CHARACTERS.test(value)) return fallback;
  let own: URL;
  let resolved: URL;
  try {
    own = new URL(ownOrigin);
    resolved = new URL(value, own.origin);
  } catch {
    return fallback;
  }
  // javascript:, data: and the like resolve to an opaque origin ("null"), never ours; a blob:
  // URL has the origin of the URL inside it, so the scheme must be ours too.
  if (resolved.origin !== own.origin || resolved.protocol !== own.protocol) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (path.startsWith("//") || ENCODED_SEPARATOR.test(resolved.pathname) || path.length > MAX_REDIRECT_LENGTH) return fallback;
  return path;
}
