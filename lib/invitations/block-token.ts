/**
 * The token of the "I don't know this organization" link in every invitation
 * email: `<invitation id>.<MAC>`, the MAC being HMAC-SHA-256 of the id under a key
 * derived (HKDF) from NEXTAUTH_SECRET for this one purpose. Nothing is stored:
 * only the server can make one, it cannot be guessed, and it cannot accept an
 * invitation (the accept link's token is another, random secret). It names the
 * invitation rather than its current token, so the link in each email of an
 * invitation, the first or a resend, keeps working. Rotating NEXTAUTH_SECRET voids
 * the links already sent (the accept links keep working).
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";

const ID = /^[a-z0-9]{20,40}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

function key(): Buffer {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: it also keys the links that block invitations");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "cairn/invitation-block-links", 32));
}

function mac(invitationId: string): string {
  return createHmac("sha256", key()).update(invitationId, "utf8").digest("base64url");
}

export function blockTokenFor(invitationId: string): string {
  return `${invitationId}.${mac(invitationId)}`;
}

/** The invitation a block token names, or null when it is malformed or was not made by blockTokenFor. */
export function invitationIdFromBlockToken(token: string): string | null {
  const [id, given, extra] = token.split(".");
  if (extra !== undefined || !id || !given || !ID.test(id) || !MAC.test(given)) return null;
  // Compared as text (both 43 characters), so only the one canonical spelling is accepted.
  return timingSafeEqual(Buffer.from(given), Buffer.from(mac(id))) ? id : null;
}

export function blockUrlFor(invitationId: string): string {
  return new URL(`/invitations/block/${blockTokenFor(invitationId)}`, getConfig().NEXTAUTH_URL).toString();
}
