/**
 * The checks on an outgoing URL that need no network: http(s) only, no
 * credentials in it, at most 2,048 characters, and (unless private targets are
 * allowed) not a literal non-public address or a local name. Run when an
 * endpoint is registered and again before every delivery; the sender then checks
 * each address the host resolves to (safe-post.ts).
 */
import { classifyAddress, isLocalName, literalAddressOf } from "./target-address";

export const TARGET_URL_MAX = 2048;

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export function checkTargetUrl(raw: string, options: { allowPrivate: boolean }): UrlVerdict {
  if (raw.length > TARGET_URL_MAX) return { ok: false, reason: `must be at most ${TARGET_URL_MAX} characters` };
  if (!URL.canParse(raw)) return { ok: false, reason: "must be an absolute http:// or https:// URL" };
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "must be an http:// or https:// URL" };
  if (url.username || url.password) return { ok: false, reason: "must not carry a user name or password" };
  if (!url.hostname) return { ok: false, reason: "must name a host" };
  if (options.allowPrivate) return { ok: true, url };
  if (isLocalName(url.hostname)) return { ok: false, reason: "must not point at this server (localhost)" };
  const literal = literalAddressOf(url.hostname);
  if (literal) {
    const verdict = classifyAddress(literal);
    if (!verdict.allowed) return { ok: false, reason: `must be a public address, not ${verdict.reason}` };
  }
  return { ok: true, url };
}
