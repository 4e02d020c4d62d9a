/**
 * A worker thread that parses outline text for route handlers (see lib/tracks/outline-parser.ts),
 * so a 1 MiB import never holds up the event loop. One worker, started on first use and unref'd
 * (it never keeps the process alive), parses one text at a time; the others wait in a queue of
 * at most `maxQueued`, beyond which a parse is refused at once. A parse that runs past
 * `timeoutMs` (counted from when the worker has the text) has its worker terminated: the main
 * thread cannot interrupt a runaway computation, a worker can be killed. The next text gets a
 * fresh worker. A worker that fails to start fails the parse waiting for it (its "error" event).
 * The worker's heap is capped, so one input cannot exhaust the process's memory either.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/http/errors";
import type { Logger } from "@/lib/observability/logger";
import type { ParseResult, OutlineFormatName } from "@/lib/outline";
import type { OutlineParser } from "@/lib/tracks/outline-parser";

export interface OutlineParserThreadOptions {
  /** Longest a parse may take once the worker has the text. */
  timeoutMs?: number;
  /** Parses running or waiting at once. */
  maxQueued?: number;
  /** The worker script (tests swap in misbehaving ones). */
  workerUrl?: URL;
  /** Where a worker that fails, and a parse that times out, are reported. */
  log?: Logger;
}

/** Parsing 1 MiB takes well under a second; this only stops a parse that would never end. */
export const PARSE_TIMEOUT_MS = 10_000;
export const MAX_QUEUED_PARSES = 16;
const WORKER_HEAP_MB = 256;

/** What the worker is sent: the text and the format to read it as. */
export interface ParseRequest {
  text: string;
  format: OutlineFormatName;
}

interface Job extends ParseRequest {
  resolve: (result: ParseResult) => void;
  reject: (error: unknown) => void;
}

const unavailable = (message: string) => new AppError("SERVICE_UNAVAILABLE", message);

export class OutlineParserThread implements OutlineParser {
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  private readonly workerUrl: URL;
  private readonly log: Logger | undefined;
  private worker: Worker | null = null;
  private ready = false;
  private readonly waiting: Job[] = [];
  /** The job the worker has (or gets once ready); its timer runs from when the text is posted. */
  private running: { job: Job; timer: NodeJS.Timeout | null } | null = null;
  private closed = false;

  constructor(options: OutlineParserThreadOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS;
    this.maxQueued = options.maxQueued ?? MAX_QUEUED_PARSES;
    this.workerUrl = options.workerUrl ?? new URL("./outline-parser-worker.ts", import.meta.url);
    this.log = options.log;
  }

  parse(text: string, format: OutlineFormatName = "text"): Promise<ParseResult> {
    if (this.closed) return Promise.reject(unavailable("The server is shutting down; try again in a moment."));
    if (this.waiting.length + (this.running ? 1 : 0) >= this.maxQueued) {
      return Promise.reject(unavailable("Too many roadmaps are being read right now; try again in a moment."));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, format, resolve, reject });
      this.next();
    });
  }

  /** Refuses what is waiting and stops the worker (shutdown, tests). */
  async close(): Promise<void> {
    this.closed = true;
    const error = unavailable("The server is shutting down; try again in a moment.");
    if (this.running) this.settle((job) => job.reject(error));
    for (const job of this.waiting.splice(0)) job.reject(error);
    await this.stopWorker();
  }

  /** Starts the next waiting job when none runs; its text is posted once the worker is ready. */
  private next(): void {
    if (this.closed) return;
    if (!this.running) {
      const job = this.waiting.shift();
      if (!job) return;
      this.running = { job, timer: null };
    }
    const worker = this.worker ?? this.startWorker();
    if (this.ready && !this.running.timer) {
      this.running.timer = setTimeout(() => this.timedOut(), this.timeoutMs);
      const { text, format } = this.running.job;
      worker.postMessage({ text, format } satisfies ParseRequest);
    }
  }

  private startWorker(): Worker {
    // tsx loads the TypeScript sources in the worker as it does for server.ts.
    const worker = new Worker(this.workerUrl, { execArgv: ["--import", "tsx"], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    this.worker = worker;
    this.ready = false;
    worker.on("message", (message: "ready" | ParseResult) => {
      if (worker !== this.worker) return;
      if (message === "ready") {
        this.ready = true;
      } else if (this.running?.timer) {
        this.settle((job) => job.resolve(message));
      }
      this.next();
    });
    const lost = (error: Error) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.ready = false;
      this.log?.error({ err: error }, "roadmap parser worker failed");
      if (this.running) this.settle((job) => job.reject(unavailable("The roadmap could not be read; nothing was imported. Try again in a moment.")));
      this.next();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the parser stopped with code ${code}`)));
    return worker;
  }

  private timedOut(): void {
    if (!this.running) return;
    this.log?.error({ timeoutMs: this.timeoutMs, length: this.running.job.text.length }, "roadmap parse timed out; worker terminated");
    this.settle((job) => job.reject(unavailable("Reading this roadmap took too long, so it was stopped; nothing was imported.")));
    void this.stopWorker();
    this.next();
  }

  private settle(outcome: (job: Job) => void): void {
    const running = this.running;
    if (!running) return;
    if (running.timer) clearTimeout(running.timer);
    this.running = null;
    outcome(running.job);
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    await worker?.terminate();
  }
}
