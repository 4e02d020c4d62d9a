/**
 * The client's IP address, for rate limits and logs. Next.js route handlers never see
 * the socket, so server.ts writes the address into a request header that only it sets
 * (`assignClientIp`), and handlers read that header back (`clientIpFrom`).
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Set by server.ts on every request, after deleting whatever the client sent under that name. */
export const CLIENT_IP_HEADER = "x-cairn-client-ip";

export const UNKNOWN_CLIENT_IP = "unknown";

/** "::ffff:203.0.113.7" (an IPv4 peer on a dual-stack socket) → "203.0.113.7". */
function normalize(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  const unmapped = trimmed.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(unmapped) ? unmapped.toLowerCase() : undefined;
}

/**
 * The address of the peer or, behind `trustedHops` proxies, the address the outermost of
 * them saw: each proxy appends the address it received the request from to
 * X-Forwarded-For, so the entry `trustedHops` from the right is the last one a trusted
 * proxy wrote. Everything left of it came from the client and may be forged (a client that
 * sends "X-Forwarded-For: 1.2.3.4" only adds an entry our proxies then append to). With
 * fewer entries than hops, the left-most one is the furthest any proxy saw.
 */
export function clientIpOf(req: Pick<IncomingMessage, "headers" | "socket">, trustedHops: number): string {
  if (trustedHops > 0) {
    const forwarded = req.headers["x-forwarded-for"];
    const entries = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").filter((entry) => entry.trim() !== "");
    if (entries.length > 0) {
      const address = normalize(entries[Math.max(0, entries.length - trustedHops)]);
      if (address) return address;
    }
  }
  return normalize(req.socket.remoteAddress) ?? UNKNOWN_CLIENT_IP;
}

/** For server.ts's request callback: replaces any client-sent value, so it cannot be spoofed. */
export function assignClientIp(req: IncomingMessage, trustedHops: number): void {
  delete req.headers[CLIENT_IP_HEADER];
  req.headers[CLIENT_IP_HEADER] = clientIpOf(req, trustedHops);
}

/**
 * Whether the request reached server.ts through a proxy or a tunnel ("1") or straight
 * from its peer ("0"), recorded the same way as the address: Next.js itself adds
 * X-Forwarded-For and X-Forwarded-Host to every request before a page sees it, so a page
 * cannot tell from those headers what the client or a proxy sent.
 */
export const PROXIED_HEADER = "x-cairn-proxied";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "forwarded", "x-real-ip"];

/** For server.ts's request callback, before Next.js sees the request; replaces any client-sent value. */
export function assignProxied(req: Pick<IncomingMessage, "headers">): void {
  delete req.headers[PROXIED_HEADER];
  req.headers[PROXIED_HEADER] = FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined) ? "1" : "0";
}

/** In route handlers and next-auth callbacks: the address server.ts recorded. */
export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  return normalize(Array.isArray(value) ? value[0] : (value ?? undefined)) ?? UNKNOWN_CLIENT_IP;
}

/**
 * The part of an address a rate limit counts against. One IPv6 subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would let one client rotate through
 * billions of them; IPv4 addresses count one by one.
 */
export function rateLimitSubject(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(ip: string): string[] {
  const withoutZone = ip.split("%")[0]!;
  const [head, tail] = withoutZone.includes("::") ? withoutZone.split("::") : [withoutZone, undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  // An embedded IPv4 tail (as in 64:ff9b::192.0.2.1) stands for two groups.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const groups = [...left, ...Array<string>(Math.max(0, 8 - width(left) - width(right))).fill("0"), ...right];
  return groups.map((group) => (group.includes(".") ? group : group.padStart(4, "0").toLowerCase()));
}
