/**
 * Who may open /dev/mailbox. It shows every email Cairn stored, sign-in, reset
 * and invitation links included, to whoever opens it, without signing in; so it
 * answers only in development or a local trial (config.devMailboxEnabled, decision 0045) and only to a request
 * made on this machine (decision 0019):
 * - the client address server.ts recorded (x-cairn-client-ip, never the
 *   client's own claim) is a loopback address;
 * - the request names a loopback host: a page of another site whose name
 *   resolves to 127.0.0.1 (DNS rebinding) sends its own name in Host;
 * - no proxy passed it on (server.ts saw no X-Forwarded-For, Forwarded or
 *   X-Real-IP: x-cairn-proxied is "0"; Next.js adds X-Forwarded-* headers of its
 *   own, so the page cannot read them itself): a tunnel (ngrok, cloudflared) or a
 *   reverse proxy on this machine connects from loopback on behalf of anyone.
 */
import { isIP } from "node:net";
import { clientIpFrom, PROXIED_HEADER } from "@/lib/security/client-ip";

export function isLoopbackAddress(ip: string): boolean {
  if (isIP(ip) === 4) return ip.startsWith("127.");
  return ip === "::1";
}

/** "localhost:3000", "127.0.0.1", "[::1]:3000" → true; any other name, or none, → false. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d+$/, "");
  return name.toLowerCase() === "localhost" || isLoopbackAddress(name);
}

export function mailboxAllowed(headers: Headers, config: { devMailboxEnabled: boolean }): boolean {
  if (!config.devMailboxEnabled) return false;
  // Anything but server.ts's own "0" (a request it did not see, or one a proxy passed on) is refused.
  if (headers.get(PROXIED_HEADER) !== "0") return false;
  return isLoopbackAddress(clientIpFrom(headers)) && isLoopbackHost(headers.get("host"));
}
