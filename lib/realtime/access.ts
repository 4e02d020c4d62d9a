/**
 * Cutting or changing live access. HTTP needs nothing here: the gate reads the
 * membership on every request. Sockets were given their rooms at the handshake,
 * so a member whose access changed has their sockets in that organization closed
 * on every instance (through NOTIFY, lib/realtime/event-relay.ts); they reconnect,
 * get the rooms they now have, and replay what they missed.
 */
import { queryRows, sql } from "@/lib/db/sql";
import type { Logger } from "@/lib/observability/logger";
import { ACCESS_CHANNEL } from "./event-relay";

/**
 * Call after the transaction that changed their access has committed. Never
 * throws: the change is made; a failure here is logged (their sockets then keep
 * their old rooms until they reconnect).
 */
export async function accessChanged(log: Logger, organizationId: string, userIds: readonly string[]): Promise<void> {
  try {
    for (const userId of new Set(userIds)) await queryRows(sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${`${organizationId}:${userId}`})`);
  } catch (error) {
    log.error({ err: error, organizationId }, "could not close the sockets of members whose access changed");
  }
}
