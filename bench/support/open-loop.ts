/**
 * Progress writes sent at a fixed rate whatever the answers' speed (open-loop), the
 * way the live-push benchmark loads the server: every 10 ms the writes owed so far
 * go out, each on a connection of its own when the others are busy (fetch's pool
 * has no limit), so a slow answer delays no later request. A write's latency runs
 * from the tick that sent it to its answer's last byte.
 */
import { performance } from "node:perf_hooks";
import type { AssignedHires } from "./assigned-hires";
import { itemWrite } from "./assigned-hires";

export interface OpenLoopResult {
  sent: number;
  /** Answers other than 200, by status ("network" when there was none). */
  failed: Map<string, number>;
  /** Milliseconds, sorted. */
  latencies: number[];
  /** Writes per second actually sent. */
  rate: number;
}

export async function openLoop(url: string, setup: AssignedHires, rate: number, seconds: number, firstWrite = 0): Promise<OpenLoopResult> {
  const failed = new Map<string, number>();
  const fail = (why: string): void => void failed.set(why, (failed.get(why) ?? 0) + 1);
  const latencies: number[] = [];
  const answers: Array<Promise<void>> = [];
  let next = firstWrite;
  let owed = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - started >= seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      owed += rate / 100;
      for (; owed >= 1; owed--) {
        const write = itemWrite(setup, next++);
        answers.push(
          fetch(`${url}${write.path}`, { method: "PUT", headers: write.headers, body: write.body }).then(
            async (response) => {
              await response.arrayBuffer();
              if (response.status === 200) latencies.push(performance.now() - now);
              else fail(String(response.status));
            },
            () => fail("network"),
          ),
        );
      }
    }, 10);
  });
  await Promise.all(answers);
  latencies.sort((a, b) => a - b);
  return { sent: next - firstWrite, failed, latencies, rate: (next - firstWrite) / seconds };
}

/** The latency at percentile `p` (0–100) of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
