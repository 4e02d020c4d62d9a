/**
 * The one timing bound in the unit tests (decision 0015): code that reads user text must handle
 * 1 MiB of it in under a second of CPU time, so a super-linear regression (a backtracking regular
 * expression, a rescan per match) fails a test instead of freezing the server.
 *
 * This is a correctness property, not speed tuning: the linear code takes a few to a few hundred
 * milliseconds for 1 MiB, the quadratic code it replaced took minutes to hours on the same inputs.
 * A bound far above the linear cost and far below the quadratic one does not flake on a slow or
 * busy machine — it counts the process's CPU time, not wall time — yet catches the blow-up.
 * Speed itself is measured in bench/.
 */
import { expect } from "vitest";

export const LINEAR_TIME_BOUND_MS = 1000;
export const MiB = 1024 * 1024;

/** Runs `work`, expects it to take under `LINEAR_TIME_BOUND_MS` of CPU, and returns its result. */
export function expectLinearTime<T>(what: string, work: () => T): T {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  expect(ms, `${what} took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(LINEAR_TIME_BOUND_MS);
  return result;
}

/** `unit` repeated to about `size` UTF-16 code units (1 MiB by default). */
export function fill(unit: string, size = MiB): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}
