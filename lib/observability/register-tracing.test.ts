/**
 * server.ts's first import starts the SDK only when an OTLP endpoint is configured:
 * without one, none of the SDK is even loaded and spans are the API's no-op ones.
 * Run in a child process, as server.ts runs it (node --import tsx), from a directory
 * without a .env.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const PROBE = `
  import { createRequire } from "node:module";
  await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "lib/observability/register-tracing.ts")).href)});
  const { trace } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "node_modules/@opentelemetry/api/dist/index.mjs")).href)});
  const loaded = Object.keys(createRequire(${JSON.stringify(path.join(ROOT, "package.json"))}).cache).some((file) => file.includes("@opentelemetry/sdk-node"));
  const span = trace.getTracer("probe").startSpan("probe");
  console.log(JSON.stringify({ loaded, recording: span.isRecording() }));
  process.exit(0);
`;

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), "cairn-tracing-"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function probe(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("OTEL_")));
  const { stdout } = await run(process.execPath, ["--import", pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href, "--input-type=module", "-e", PROBE], { cwd, env: { ...clean, ...env } as NodeJS.ProcessEnv });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { loaded: boolean; recording: boolean };
}

describe("starting tracing", () => {
  it("starts nothing, and loads none of the SDK, without OTEL_EXPORTER_OTLP_ENDPOINT", async () => {
    expect(await probe({})).toEqual({ loaded: false, recording: false });
  });

  it("starts nothing when OTEL_SDK_DISABLED=true, endpoint or not", async () => {
    expect(await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9", OTEL_SDK_DISABLED: "true" })).toEqual({ loaded: false, recording: false });
  });

  it("starts the SDK, recording spans, when an endpoint is configured", async () => {
    expect(await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" })).toEqual({ loaded: true, recording: true });
  });
});
