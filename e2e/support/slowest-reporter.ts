/**
 * Prints, at the end of a run, the ten slowest tests with their timeouts, so a test
 * drifting towards its timeout shows before it fails. The rule (docs/decisions/0014):
 * every test passes within half of its timeout on a 2-core machine; those over half are
 * marked.
 */
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

interface Timing {
  title: string;
  durationMs: number;
  timeoutMs: number;
  status: string;
}

export default class SlowestTestsReporter implements Reporter {
  private readonly timings: Timing[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const where = `${test.location.file.split("/").slice(-1)[0]}:${test.location.line}`;
    const repeat = test.repeatEachIndex > 0 ? ` (repeat ${test.repeatEachIndex})` : "";
    this.timings.push({ title: `${where} ${test.title}${repeat}`, durationMs: result.duration, timeoutMs: test.timeout, status: result.status });
  }

  onEnd(_result: FullResult): void {
    if (this.timings.length === 0) return;
    const slowest = [...this.timings].sort((a, b) => b.durationMs - a.durationMs).slice(0, 10);
    const overHalf = this.timings.filter((timing) => timing.timeoutMs > 0 && timing.durationMs > timing.timeoutMs / 2);
    const lines = ["", "Ten slowest tests (duration / timeout):"];
    for (const timing of slowest) {
      const share = timing.timeoutMs > 0 ? Math.round((timing.durationMs / timing.timeoutMs) * 100) : 0;
      const flag = share > 50 ? "  << over half its timeout" : "";
      lines.push(`  ${seconds(timing.durationMs).padStart(7)} / ${seconds(timing.timeoutMs).padStart(6)}  ${String(share).padStart(3)}%  ${timing.status.padEnd(8)} ${timing.title}${flag}`);
    }
    lines.push(overHalf.length === 0 ? "Every test finished within half of its timeout." : `${overHalf.length} test(s) took more than half of their timeout.`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
