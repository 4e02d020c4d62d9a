/**
 * What the roadmap knows about each item's writes in flight, so an answer that
 * arrives while later changes to the same item are still queued does not undo
 * them on screen, and a refusal goes back to what the server last confirmed
 * (not to the screen of the moment the refused change was made, which may show
 * an earlier change that has failed since).
 *
 * Per item: how many writes are pending, and the base, the server's row as last
 * confirmed (null for no row). Writes of one assignment reach the server one at
 * a time in order (one mutation scope), so the last answer is the truth.
 */
export class WriteLedger<Row> {
  #entries = new Map<string, { pending: number; base: Row | null }>();

  /** A write to these items starts; `current` reads an item's row before the change is applied. */
  begin(keys: readonly string[], current: (key: string) => Row | null): void {
    for (const key of new Set(keys)) {
      const entry = this.#entries.get(key);
      if (entry) entry.pending += 1;
      else this.#entries.set(key, { pending: 1, base: current(key) });
    }
  }

  /**
   * The server stored a write: each item's row becomes its base. Returns the rows to
   * show now, those of the items with no other write pending (the others keep showing
   * the change queued after this one).
   */
  succeed(keys: readonly string[], stored: (key: string) => Row | null): Map<string, Row | null> {
    const settled = new Map<string, Row | null>();
    for (const key of new Set(keys)) {
      const entry = this.#entries.get(key);
      const row = stored(key);
      if (!entry) continue;
      entry.base = row;
      entry.pending -= 1;
      if (entry.pending === 0) {
        settled.set(key, row);
        this.#entries.delete(key);
      }
    }
    return settled;
  }

  /**
   * The server refused (or never got) a write. Returns the rows to put back: the
   * confirmed base of each item with no other write pending. An item with writes
   * still queued keeps showing them; the last of them settles it.
   */
  fail(keys: readonly string[]): Map<string, Row | null> {
    const restore = new Map<string, Row | null>();
    for (const key of new Set(keys)) {
      const entry = this.#entries.get(key);
      if (!entry) continue;
      entry.pending -= 1;
      if (entry.pending === 0) {
        restore.set(key, entry.base);
        this.#entries.delete(key);
      }
    }
    return restore;
  }

  isPending(key: string): boolean {
    return this.#entries.has(key);
  }

  get idle(): boolean {
    return this.#entries.size === 0;
  }
}
