/**
 * Scrapes Cairn's metrics the way Prometheus does: over HTTP from a real metrics server
 * (startMetricsServer, as METRICS_PORT runs it) on a free port, and parses the text
 * format into samples. Tests compare samples before and after the work they do, since
 * the registry is the process's and other work of the file moves it too.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { startMetricsServer } from "@/lib/observability/metrics-endpoint";

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a text-format scrape; throws on a line that is neither a comment nor a sample. */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? "").matchAll(LABEL)) labels[name!] = value!.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** Whether any sample has that name (and those labels). */
export function hasSample(samples: Sample[], name: string, labels: Record<string, string> = {}): boolean {
  return samples.some((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

export interface Scraper {
  url: string;
  /** The raw text of one scrape (fails unless it answered 200). */
  text(): Promise<string>;
  samples(): Promise<Sample[]>;
}

/** A metrics server for the file (beforeAll/afterAll), optionally requiring `token`. */
export function useMetricsServer(options: { token?: string } = {}): Scraper {
  let server: Server | undefined;
  const scraper: Scraper = {
    url: "",
    async text() {
      const response = await fetch(`${scraper.url}/metrics`, { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`scrape answered ${response.status}: ${body}`);
      return body;
    },
    async samples() {
      return parseMetrics(await scraper.text());
    },
  };
  beforeAll(async () => {
    server = await startMetricsServer({ port: 0, host: "127.0.0.1", token: options.token });
    scraper.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return scraper;
}
