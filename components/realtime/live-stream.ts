/**
 * The client's side of "no lost update" (decision 0011): the sequence of the last
 * event applied, a replay of everything after it on every (re)connect and on the
 * server's "resync", live events held back while a replay runs and applied after
 * it in order, and duplicates (anything at or below the last sequence) dropped.
 * No socket or React here: the provider (live-events-provider.tsx) wires it up.
 */
export interface LiveEvent {
  sequence: number;
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface ReplayPage {
  items: LiveEvent[];
  latestSequence: number;
  resync: boolean;
}

export interface LiveStreamDeps {
  /** GET …/events?after=: `after` null asks only where the stream is. */
  replay(after: number | null): Promise<ReplayPage>;
  apply(events: LiveEvent[]): void;
  /** Too much was missed to replay: reload everything shown. */
  reload(): void;
}

export class LiveStream {
  private last: number | null = null;
  private replaying = false;
  private held: LiveEvent[] = [];
  private again = false;

  constructor(private readonly deps: LiveStreamDeps) {}

  /** The last sequence applied (null before the first connection). */
  get lastSequence(): number | null {
    return this.last;
  }

  /** A live event from the socket. */
  receive(event: LiveEvent): void {
    if (this.replaying) {
      this.held.push(event);
      return;
    }
    this.applyInOrder([event]);
  }

  /** On every connect and on "resync": catch up from the last applied sequence. */
  async catchUp(): Promise<void> {
    if (this.replaying) {
      // A second reason to catch up while one runs: run once more after it.
      this.again = true;
      return;
    }
    this.replaying = true;
    try {
      do {
        this.again = false;
        const page = await this.deps.replay(this.last);
        if (this.last === null) {
          // The first connection: the page on screen was just loaded; follow from here.
          this.last = page.latestSequence;
        } else if (page.resync) {
          this.deps.reload();
          this.last = page.latestSequence;
        } else {
          this.applyInOrder(page.items);
          this.last = Math.max(this.last, page.latestSequence);
        }
      } while (this.again);
      const held = this.held;
      this.held = [];
      this.applyInOrder(held);
    } finally {
      this.replaying = false;
    }
  }

  private applyInOrder(events: LiveEvent[]): void {
    const fresh: LiveEvent[] = [];
    for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
      if (this.last !== null && event.sequence <= this.last) continue;
      fresh.push(event);
      this.last = event.sequence;
    }
    if (fresh.length > 0) this.deps.apply(fresh);
  }
}
