/**
 * The repairs a parse reports: all of them counted, at most `MAX_LISTED_REPAIRS` listed — those
 * that come first by line and column. A hostile or machine-made file can need a repair on every
 * line (a trailing space, a stray CRLF): 1 MiB of "  x \n" is 200,000 repairs, which took seconds
 * to describe and made a 30 MB preview answer. Memory stays O(limit) and time O(n log limit):
 * once the list holds more than enough, it is cut back to the limit and repairs on later lines are
 * only counted, without building their message (callers ask `wants(line)` first).
 */
import type { Repair } from "./types";

/** Repairs listed in a parse result; `repairCount` says how many there were in all. */
export const MAX_LISTED_REPAIRS = 1000;

export function sortRepairs(repairs: Repair[]): Repair[] {
  return repairs.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

export class RepairList {
  private listed: Repair[] = [];
  /** Repairs on a line after this one cannot be among the first `max`. */
  private horizon = Infinity;
  /** Every repair made, listed or not. */
  count = 0;

  constructor(private readonly max: number = MAX_LISTED_REPAIRS) {}

  /** Whether a repair on `line` could still be listed (if not, `skip` it instead of describing it). */
  wants(line: number): boolean {
    return line <= this.horizon;
  }

  add(repair: Repair): void {
    this.count++;
    if (repair.line > this.horizon) return;
    this.listed.push(repair);
    if (this.listed.length >= 2 * this.max) this.cut();
  }

  /** Count repairs that were made but not described. */
  skip(count: number): void {
    this.count += count;
  }

  /** The first `max` repairs by line and column. */
  list(): Repair[] {
    this.cut();
    return this.listed;
  }

  private cut(): void {
    sortRepairs(this.listed);
    if (this.listed.length <= this.max) return;
    this.listed.length = this.max;
    this.horizon = this.listed[this.max - 1]?.line ?? this.horizon;
  }
}
