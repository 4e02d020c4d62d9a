/**
 * The server makes the stable key of a new node, so a node added in the browser
 * starts with a temporary key and learns its real one when the add succeeds.
 * The editor keeps using the temporary key (rows, selection, undo entries) and
 * translates at the edge: toServer() when sending, toClient() when reading the
 * version back. Temporary keys hold a ":", which no stable key can.
 */
export class KeyAliases {
  private next = 0;
  private readonly serverOf = new Map<string, string>();
  private readonly clientOf = new Map<string, string>();

  newKey(): string {
    this.next += 1;
    return `new:${this.next}`;
  }

  static isTemporary(key: string): boolean {
    return key.includes(":");
  }

  learn(clientKey: string, serverKey: string): void {
    if (clientKey === serverKey) return;
    this.serverOf.set(clientKey, serverKey);
    this.clientOf.set(serverKey, clientKey);
  }

  /** The key to send; null for a node whose add has not succeeded (nothing can be sent about it). */
  toServer(key: string | null): string | null {
    if (key === null) return null;
    const known = this.serverOf.get(key) ?? key;
    return KeyAliases.isTemporary(known) ? null : known;
  }

  toClient(serverKey: string): string {
    return this.clientOf.get(serverKey) ?? serverKey;
  }
}
