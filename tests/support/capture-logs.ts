/**
 * Reads what Cairn logs: swaps the process's logger for one with the same options
 * (redaction included) that keeps its JSON lines in memory, and puts the configured
 * one back after the test file.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createLogger, setLogger } from "@/lib/observability/logger";

export type LogLine = Record<string, unknown> & { msg?: string; level: number };

export function captureLogs() {
  let raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString("utf8"));
      done();
    },
  });
  beforeAll(() => setLogger(createLogger({ destination, level: "debug" })));
  afterAll(() => setLogger(null));
  beforeEach(() => {
    raw = [];
  });
  return {
    /** Every line so far in this test, as written (to search for a secret anywhere in it). */
    text: () => raw.join(""),
    lines: (): LogLine[] => raw.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as LogLine),
  };
}
