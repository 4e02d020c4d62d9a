/**
 * Cutting or changing live access. HTTP needs nothing here: the gate reads the
 * membership on every request. Sockets were given their rooms at the handshake,
 * so a member whose access changed has their sockets in that organization closed
 * on every instance (through NOTIFY, lib/realtime/event-relay.ts); they reconnect,
 * get the rooms they now have, and replay what they missed. (Ended sessions close
 * their sockets the same way, notified by database triggers: access-notices.ts.)
 */
import { queryRows, sql } from "@/lib/db/sql";
import type { Logger } from "@/lib/observability/logger";
import { memberNotice } from "./access-notices";
import { ACCESS_CHANNEL } from "./event-relay";

/**
 * Call after the transaction that changed their access has committed. Never
 * throws: the change is made; a failure here is logged (their sockets then keep
 * their old rooms until they reconnect).
 */
export async function accessChanged(log: Logger, organizationId: string, userIds: readonly string[]): Promise<void> {
  try {
    const payloads = [...new Set(userIds)].map((userId) => memberNotice(organizationId, userId));
    // One statement for a whole cohort, not one per person.
    if (payloads.length > 0) await queryRows(sql`SELECT pg_notify(${ACCESS_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`, "access.notify");
  } catch (error) {
    log.error({ err: error, organizationId }, "could not close the sockets of members whose access changed");
  }
}
