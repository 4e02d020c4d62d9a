import { createHash } from "node:crypto";

/**
 * The key an invited address is counted and blocked under (InvitationSend,
 * InvitationBlock): SHA-256 of its lower-cased form, hex. Those tables then do
 * not make another list of addresses; the hash only has to be stable.
 */
export function recipientHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("hex");
}
