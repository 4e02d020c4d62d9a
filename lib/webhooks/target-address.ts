/**
 * Which addresses an outgoing webhook may reach (decision 0033). By default only
 * public unicast addresses: a URL naming (or resolving to) loopback, private,
 * link-local, CGNAT, multicast, unspecified or reserved space, or an IPv6 form
 * that embeds one of those (IPv4-mapped, IPv4-compatible, NAT64, 6to4), is
 * refused, so an organization cannot make Cairn's server call its own network.
 *
 * Pure: parsing and classification only. The sender (safe-post.ts) resolves the
 * host, classifies every address and connects to the one it checked.
 */
import { isIPv4, isIPv6 } from "node:net";

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

type Range = { bytes: number[]; bits: number; reason: string };

function v4(text: string): number[] {
  return text.split(".").map(Number);
}

const V4_BLOCKED: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "an unspecified (\"this network\") address"],
  ["10.0.0.0", 8, "a private address"],
  ["100.64.0.0", 10, "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["169.254.0.0", 16, "a link-local address"],
  ["172.16.0.0", 12, "a private address"],
  ["192.0.0.0", 24, "a reserved address"],
  ["192.0.2.0", 24, "a documentation address"],
  ["192.88.99.0", 24, "a reserved address"],
  ["192.168.0.0", 16, "a private address"],
  ["198.18.0.0", 15, "a benchmarking address"],
  ["198.51.100.0", 24, "a documentation address"],
  ["203.0.113.0", 24, "a documentation address"],
  ["224.0.0.0", 4, "a multicast address"],
  ["240.0.0.0", 4, "a reserved address"],
];

const V4_RANGES: Range[] = V4_BLOCKED.map(([base, bits, reason]) => ({ bytes: v4(base), bits, reason }));

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.bits;
  for (let index = 0; bits > 0; index += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((range.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(bytes: number[]): AddressVerdict {
  const range = V4_RANGES.find((candidate) => inRange(bytes, candidate));
  return range ? { allowed: false, reason: range.reason } : { allowed: true };
}

/** The 16 bytes of an IPv6 address in any textual form Node accepts (::, embedded dotted quad, zone id). */
export function ipv6Bytes(text: string): number[] {
  const address = text.replace(/%.*$/, "");
  let groups: string[];
  const tail = address.match(/(\d+\.\d+\.\d+\.\d+)$/);
  let head = address;
  let embedded: number[] = [];
  if (tail) {
    embedded = v4(tail[1]!);
    head = address.slice(0, -tail[1]!.length);
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const wanted = 8 - (embedded.length ? 2 : 0);
  if (head.includes("::")) {
    const [left, right] = head.split("::") as [string, string];
    const leftGroups = left ? left.split(":") : [];
    const rightGroups = right ? right.split(":") : [];
    groups = [...leftGroups, ...Array<string>(wanted - leftGroups.length - rightGroups.length).fill("0"), ...rightGroups];
  } else {
    groups = head ? head.split(":") : [];
  }
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  return [...bytes, ...embedded];
}

const V6_RANGES: Range[] = [
  { bytes: Array<number>(16).fill(0), bits: 128, reason: "an unspecified address" },
  { bytes: [...Array<number>(15).fill(0), 1], bits: 128, reason: "a loopback address" },
  { bytes: [0xfc], bits: 7, reason: "a private (unique local) address" },
  { bytes: [0xfe, 0x80], bits: 10, reason: "a link-local address" },
  { bytes: [0xfe, 0xc0], bits: 10, reason: "a site-local address" },
  { bytes: [0xff], bits: 8, reason: "a multicast address" },
  { bytes: [0x20, 0x01, 0x0d, 0xb8], bits: 32, reason: "a documentation address" },
  { bytes: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64, reason: "a discard-only address" },
];

function classifyV6(bytes: number[]): AddressVerdict {
  const allZeroUntil = (end: number) => bytes.slice(0, end).every((byte) => byte === 0);
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible): the IPv4 address is what a socket reaches.
  if (allZeroUntil(10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyV4(bytes.slice(12));
  if (allZeroUntil(12) && !(allZeroUntil(15) && (bytes[15] ?? 0) <= 1)) return classifyV4(bytes.slice(12));
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address a gateway would reach.
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && bytes.slice(4, 12).every((byte) => byte === 0)) {
    return classifyV4(bytes.slice(12));
  }
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return classifyV4(bytes.slice(2, 6));
  const range = V6_RANGES.find((candidate) => inRange(bytes, candidate));
  return range ? { allowed: false, reason: range.reason } : { allowed: true };
}

/** Whether a literal IP address (as a resolver or a URL gives it) is a public unicast one. */
export function classifyAddress(address: string): AddressVerdict {
  if (isIPv4(address)) return classifyV4(v4(address));
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIPv6(bare)) return classifyV6(ipv6Bytes(bare));
  return { allowed: false, reason: "not an IP address" };
}

/**
 * The host of a URL as a literal address, when it is one. The WHATWG URL parser
 * (new URL) already turned every IPv4 spelling (0x7f.1, 017700000001, 2130706433)
 * into dotted decimal and IPv6 into its canonical form in brackets.
 */
export function literalAddressOf(hostname: string): string | null {
  if (isIPv4(hostname)) return hostname;
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIPv6(bare) ? bare : null;
}

/** Names that are loopback by definition (RFC 6761), never sent to a resolver. */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "" ;
}
