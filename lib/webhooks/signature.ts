/**
 * Webhook signatures (docs/webhooks.md): HMAC-SHA256 with the endpoint's secret
 * over `${timestamp}.${body}`, sent as `Cairn-Signature: t=<unix seconds>,v1=<hex>`.
 * The timestamp is signed with the body, so a receiver that refuses old
 * timestamps (SIGNATURE_TOLERANCE_SECONDS) refuses replays.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Cairn-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new signing secret: "whsec_" and 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** What docs/webhooks.md tells receivers to do, used by the tests as a receiver would. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = new Map(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), "hex");
  const actual = Buffer.from(given, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
