/**
 * Cutting live access when a membership is revoked. HTTP needs nothing here:
 * the gate reads the membership on every request. Sockets were authorized at
 * their handshake, so they are closed and must reconnect (and be re-checked).
 */
import { getSocketServer, userRoom } from "./socket-server";

/** Call after the transaction that suspended or removed the membership has committed. */
export function membershipRevoked({ userId }: { organizationId: string; userId: string }): void {
  // For now a socket carries no organization, so every socket of the user closes, in every
  // organization. The live-stream issue adds organization rooms and narrows this to those
  // of `organizationId`. With a cluster adapter the call reaches every instance.
  getSocketServer()?.in(userRoom(userId)).disconnectSockets(true);
}
