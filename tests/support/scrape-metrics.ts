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
import { parseMetrics } from "./metrics-text";
import type { Sample } from "./metrics-text";

export { hasSample, parseMetrics, valueOf } from "./metrics-text";
export type { Sample } from "./metrics-text";

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
