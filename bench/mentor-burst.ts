/**
 * Mentor dashboard under a burst of live events (issue 8, "Speed"): "the mentor
 * dashboard with 30 mentees applies a burst of 100 events without dropping frames
 * visibly (no full refetch per event)".
 *
 * The browser tests' set-up (production build, its own database: bench/support/browser-server.ts),
 * an organization with one mentor and BENCH_HIRES hires (default 30) each assigned the seed
 * roadmap with that mentor, and the mentor's dashboard (/o/{slug}/mentees) open in headless
 * Chromium, live. Each round sends BENCH_EVENTS progress writes (default 100: PUT of one item as
 * DONE, as the hires, spread over them, BENCH_CONCURRENCY at a time, default 8) through the
 * server's HTTP API, and measures in the page:
 *   (a) frames from the burst's start until the dashboard shows all of it: requestAnimationFrame
 *       deltas (the longest, and how many are over 50 ms) and long tasks (PerformanceObserver);
 *   (b) how often the page fetched GET …/dashboards/mentor and GET …/activity meanwhile, and in
 *       the BENCH_SETTLE_MS (default 1,500) after;
 *   (c) the time from the last write's response until the page shows every change (the sum of
 *       the cards' data-progress-done reaches the total before plus the burst).
 * Also the renderer's main-thread time (Chromium's Performance metrics) per burst. BENCH_ROUNDS
 * rounds (default 5) after BENCH_WARMUP (default 1). Two controls: the same page for
 * BENCH_IDLE_MS (default 3,000) with no writes, and the same bursts with an empty page open
 * instead (how long the writes take without the dashboard's reads, and what the machine's own
 * load does to an empty page's frames).
 * BENCH_CPU_PROFILE=<file> writes a CPU profile of the page over the measured rounds.
 * Figures only: see bench/README.md.
 *
 *   npm run bench:mentor-burst      (next build, then: npx tsx bench/mentor-burst.ts)
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { BrowserContext, Page } from "@playwright/test";
import { assignedHires, itemWrite } from "./support/assigned-hires";
import type { AssignedHires } from "./support/assigned-hires";
import { loadAverageLine, runBenchmark, setBenchEnvironment, spread, whole } from "./support/bench-database";
import { launchChromium, signedInContext, startProductionServer } from "./support/browser-server";

setBenchEnvironment();

const HIRES = whole("BENCH_HIRES", 30);
const EVENTS = whole("BENCH_EVENTS", 100);
const CONCURRENCY = whole("BENCH_CONCURRENCY", 8);
const ROUNDS = whole("BENCH_ROUNDS", 5);
const WARMUP = process.env.BENCH_WARMUP === "0" ? 0 : whole("BENCH_WARMUP", 1);
const SETTLE_MS = whole("BENCH_SETTLE_MS", 1500);
const IDLE_MS = whole("BENCH_IDLE_MS", 3000);
const LONG_FRAME_MS = 50;

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the page's `performance.timeOrigin + now()`. */
const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => (values.length === 0 ? NaN : [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!);

/**
 * Installed in the page once (a string: tsx's esbuild would wrap inner functions in a
 * `__name` helper the page does not have). While a run is on, every animation frame is
 * timestamped; a MutationObserver sums the cards' done counts whenever the DOM changes (so
 * the probe adds no work per frame), and the first frame after the sum reached the target
 * is when the burst is "shown" (that frame paints it). Long tasks are collected all along
 * and cut to the run's window at the end.
 */
const PROBE = `(() => {
  if (window.__burstProbe) return;
  const longTasks = [];
  const longTaskSupported = typeof PerformanceObserver !== "undefined" && PerformanceObserver.supportedEntryTypes.includes("longtask");
  if (longTaskSupported) new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]); }).observe({ type: "longtask" });
  const doneSum = () => { let sum = 0; for (const card of document.querySelectorAll("[data-progress-done]")) sum += Number(card.getAttribute("data-progress-done")); return sum; };
  let run = null;
  new MutationObserver(() => {
    if (!run || run.reachedAt !== null) return;
    const sum = doneSum();
    if (sum === run.lastSum) return;
    run.lastSum = sum;
    run.updates.push(performance.now());
    if (sum >= run.target) run.reachedAt = performance.now();
  })
    .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-progress-done"] });
  const frame = (time) => {
    if (!run) return;
    run.frames.push(time);
    if (run.shownAt === null && run.reachedAt !== null) run.shownAt = performance.now();
    requestAnimationFrame(frame);
  };
  window.__burstProbe = {
    longTaskSupported,
    doneSum,
    cards: () => document.querySelectorAll("[data-progress-done]").length,
    start(target) { run = { target, startedAt: performance.now(), frames: [], updates: [], lastSum: doneSum(), reachedAt: null, shownAt: null }; requestAnimationFrame(frame); },
    shown: () => run !== null && run.shownAt !== null,
    finish() {
      const done = run; run = null;
      return { timeOrigin: performance.timeOrigin, startedAt: done.startedAt, shownAt: done.shownAt, frames: done.frames, updates: done.updates, longTasks: longTasks.filter(([start, duration]) => start + duration > done.startedAt), doneSum: doneSum() };
    },
  };
})()`;

interface ProbeRun {
  timeOrigin: number;
  startedAt: number;
  shownAt: number | null;
  frames: number[];
  /** When the cards' total changed on screen (DOM), until it reached the target. */
  updates: number[];
  longTasks: Array<[number, number]>;
  doneSum: number;
}

/**
 * Polls an expression in the page until it is true. (page.waitForFunction compiles its
 * predicate with eval in the page, which the app's Content-Security-Policy refuses.)
 */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await sleep(50);
  }
}

/** Frame deltas (ms) of the frames between `from` and `to` (page times), each measured from the frame before. */
function frameDeltas(frames: readonly number[], from: number, to: number): number[] {
  const deltas: number[] = [];
  for (let i = 1; i < frames.length; i++) if (frames[i]! > from && frames[i - 1]! <= to) deltas.push(frames[i]! - frames[i - 1]!);
  return deltas;
}

type FetchKind = "dashboard" | "activity";
interface Fetch {
  kind: FetchKind;
  /** When the page sent it (this process's wall clock). */
  at: number;
  /** Sent → last byte, once it finished. */
  ms?: number;
  /** The body as it came over the wire (compressed). */
  bytes?: number;
}

/** Every fetch of the dashboard's two reads the page makes, as it makes them. */
function watchFetches(page: Page): Fetch[] {
  const fetches: Fetch[] = [];
  const pending = new Map<object, Fetch>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    const kind: FetchKind | null = pathname.endsWith("/dashboards/mentor") ? "dashboard" : pathname.endsWith("/activity") ? "activity" : null;
    if (!kind) return;
    const entry: Fetch = { kind, at: wallNow() };
    fetches.push(entry);
    pending.set(request, entry);
  });
  page.on("requestfinished", (request) => {
    const entry = pending.get(request);
    if (!entry) return;
    pending.delete(request);
    entry.ms = request.timing().responseEnd;
    request.sizes().then(
      (sizes) => void (entry.bytes = sizes.responseBodySize),
      () => undefined,
    );
  });
  return fetches;
}

/**
 * The renderer's main-thread time so far, in ms, from Chromium's Performance domain
 * (TaskDuration, ScriptDuration, …); and, with BENCH_CPU_PROFILE=<file>, a JavaScript CPU
 * profile of the page over the measured rounds (open it in Chrome's DevTools).
 */
async function rendererProbe(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const profileFile = process.env.BENCH_CPU_PROFILE;
  return {
    mainThread: async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((metric) => [metric.name, metric.value * 1000])),
    startProfile: async () => {
      if (!profileFile) return;
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    },
    stopProfile: async () => {
      if (!profileFile) return;
      const { profile } = await cdp.send("Profiler.stop");
      const { writeFile } = await import("node:fs/promises");
      await writeFile(profileFile, JSON.stringify(profile));
      console.log(`CPU profile of the page written to ${profileFile}`);
    },
  };
}

/** `EVENTS` writes from the `first`-th, CONCURRENCY in flight, each the next hire's next item (always to DONE). */
async function burst(setup: AssignedHires, baseUrl: string, first: number): Promise<{ lastResponseAt: number }> {
  let cursor = first;
  let failed = 0;
  let lastResponseAt = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (cursor < first + EVENTS) {
        const write = itemWrite(setup, cursor++, baseUrl);
        if (write.state !== "DONE") throw new Error("the bursts ran past the roadmap's items (fewer rounds or events)");
        const response = await fetch(`${baseUrl}${write.path}`, { method: "PUT", headers: write.headers, body: write.body });
        await response.arrayBuffer();
        if (response.status !== 200) failed++;
        lastResponseAt = Math.max(lastResponseAt, wallNow());
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} of ${EVENTS} writes failed`);
  return { lastResponseAt };
}

interface Round {
  writesMs: number;
  lastResponseToShownMs: number;
  maxFrameMs: number;
  longFrames: number;
  frames: number;
  maxFrameAfterMs: number;
  /** How often the cards' total changed on screen until it was complete, and the longest it stood still meanwhile. */
  screenUpdates: number;
  longestStillMs: number;
  longTasks: number;
  longestTaskMs: number;
  dashboardFetches: number;
  dashboardFetchesAfter: number;
  activityFetches: number;
  activityFetchesAfter: number;
  /** The median fetch of the dashboard in this burst: sent → last byte, and its body. */
  dashboardFetchMs: number;
  dashboardKb: number;
  /** The renderer's main thread from the burst's start until the end of the settling time. */
  mainThreadMs: number;
  scriptMs: number;
  layoutAndStyleMs: number;
}

function describeRound(label: string, round: Round): string {
  return (
    `${label.padEnd(10)} writes ${round.writesMs.toFixed(0)} ms · last 2xx → shown ${round.lastResponseToShownMs.toFixed(0)} ms · ` +
    `screen updates ${round.screenUpdates}, still ≤ ${round.longestStillMs.toFixed(0)} ms · frames ${round.frames}, longest ${round.maxFrameMs.toFixed(1)} ms, > ${LONG_FRAME_MS} ms: ${round.longFrames} · long tasks ${round.longTasks} (longest ${round.longestTaskMs.toFixed(0)} ms) · ` +
    `fetches dashboard ${round.dashboardFetches}+${round.dashboardFetchesAfter} (${round.dashboardFetchMs.toFixed(0)} ms, ${round.dashboardKb.toFixed(1)} KB), activity ${round.activityFetches}+${round.activityFetchesAfter} · ` +
    `main thread ${round.mainThreadMs.toFixed(0)} ms (script ${round.scriptMs.toFixed(0)}, layout+style ${round.layoutAndStyleMs.toFixed(0)})`
  );
}

async function main(): Promise<void> {
  console.log("Starting PostgreSQL and the production server (needs `next build`)…");
  const server = await startProductionServer();
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const setup = await assignedHires(HIRES);
    browser = await launchChromium();
    const context = await signedInContext(browser, server.baseUrl, setup.mentor.cookie);
    const page = await context.newPage();
    const fetches = watchFetches(page);
    const renderer = await rendererProbe(context, page);

    await page.goto(`/o/${setup.slug}/mentees`);
    await page.evaluate(PROBE);
    await until(page, `window.__burstProbe.cards() === ${HIRES}`, 30_000);
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 30_000 });
    const longTaskSupported = (await page.evaluate("window.__burstProbe.longTaskSupported")) as boolean;
    let shownDone = (await page.evaluate("window.__burstProbe.doneSum()")) as number;
    const loadBefore = os.loadavg();

    // Control: the dashboard with nothing happening.
    await sleep(500);
    await page.evaluate("window.__burstProbe.start(Infinity)");
    await sleep(IDLE_MS);
    const idle = (await page.evaluate("window.__burstProbe.finish()")) as ProbeRun;
    const idleDeltas = frameDeltas(idle.frames, idle.startedAt, Infinity);

    const rounds: Round[] = [];
    let next = 0;
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const target = shownDone + EVENTS;
      fetches.length = 0;
      if (round === WARMUP) await renderer.startProfile();
      const busyBefore = await renderer.mainThread();
      await page.evaluate(`window.__burstProbe.start(${target})`);
      const startedAt = wallNow();
      const { lastResponseAt } = await burst(setup, server.baseUrl, next);
      next += EVENTS;
      await until(page, "window.__burstProbe.shown()", 60_000);
      await sleep(SETTLE_MS);
      const run = (await page.evaluate("window.__burstProbe.finish()")) as ProbeRun;
      const busyAfter = await renderer.mainThread();
      if (run.doneSum !== target) throw new Error(`after settling the page shows ${run.doneSum} items done, expected ${target}`);
      shownDone = target;

      const shownAt = run.shownAt!;
      const shownWall = run.timeOrigin + shownAt;
      const during = frameDeltas(run.frames, run.startedAt, shownAt);
      const after = frameDeltas(run.frames, shownAt, Infinity);
      const tasks = run.longTasks.filter(([start]) => start < shownAt).map(([, duration]) => duration);
      const busy = (name: string) => (busyAfter[name] ?? 0) - (busyBefore[name] ?? 0);
      const count = (kind: FetchKind, inWindow: (at: number) => boolean) => fetches.filter((entry) => entry.kind === kind && entry.at >= startedAt && inWindow(entry.at)).length;
      const dashboardFetches = fetches.filter((entry) => entry.kind === "dashboard");
      const result: Round = {
        writesMs: lastResponseAt - startedAt,
        // NOTIFY fires at commit, before the answer is written: the page may show it first (then 0).
        lastResponseToShownMs: Math.max(0, shownWall - lastResponseAt),
        maxFrameMs: Math.max(0, ...during),
        longFrames: during.filter((delta) => delta > LONG_FRAME_MS).length,
        frames: during.length,
        maxFrameAfterMs: Math.max(0, ...after),
        screenUpdates: run.updates.length,
        longestStillMs: Math.max(...[run.startedAt, ...run.updates].map((at, i, all) => (all[i + 1] ?? shownAt) - at)),
        longTasks: tasks.length,
        longestTaskMs: Math.max(0, ...tasks),
        dashboardFetches: count("dashboard", (at) => at <= shownWall),
        dashboardFetchesAfter: count("dashboard", (at) => at > shownWall),
        activityFetches: count("activity", (at) => at <= shownWall),
        activityFetchesAfter: count("activity", (at) => at > shownWall),
        dashboardFetchMs: median(dashboardFetches.flatMap((entry) => (entry.ms === undefined ? [] : [entry.ms]))),
        dashboardKb: median(dashboardFetches.flatMap((entry) => (entry.bytes === undefined ? [] : [entry.bytes / 1024]))),
        mainThreadMs: busy("TaskDuration"),
        scriptMs: busy("ScriptDuration"),
        layoutAndStyleMs: busy("LayoutDuration") + busy("RecalcStyleDuration"),
      };
      console.log(describeRound(round < WARMUP ? `warm-up ${round + 1}` : `round ${round - WARMUP + 1}`, result));
      if (round >= WARMUP) rounds.push(result);
    }

    await renderer.stopProfile();

    // Control: the same bursts with an empty page instead of the dashboard: how long the writes
    // take without its reads, and what the machine alone does to an empty page's frames meanwhile.
    await page.goto("about:blank");
    await page.evaluate(PROBE);
    const alone: number[] = [];
    const aloneFrames: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.evaluate("window.__burstProbe.start(Infinity)");
      const startedAt = wallNow();
      const { lastResponseAt } = await burst(setup, server.baseUrl, next);
      next += EVENTS;
      const run = (await page.evaluate("window.__burstProbe.finish()")) as ProbeRun;
      alone.push(lastResponseAt - startedAt);
      aloneFrames.push(...frameDeltas(run.frames, run.startedAt, Infinity));
      await sleep(500);
    }

    const of = (field: keyof Round, digits = 1) => spread(rounds.map((round) => round[field]), digits);
    const worst = (field: keyof Round) => Math.max(...rounds.map((round) => round[field]));
    const fetchesPerBurst = rounds.map((round) => round.dashboardFetches + round.dashboardFetchesAfter);
    const row = (label: string, value: string, indent = "    ") => `${indent}${label.padEnd(indent === "" ? 48 : 44)}${value}`;
    const longest = (deltas: number[]) => `longest frame ${Math.max(0, ...deltas).toFixed(1)} ms, ${deltas.filter((delta) => delta > LONG_FRAME_MS).length} of ${deltas.length} over ${LONG_FRAME_MS} ms`;
    console.log(
      [
        "",
        `Mentor dashboard, ${HIRES} mentees on the seed roadmap (${setup.leafKeys.length} leaf items); bursts of ${EVENTS} progress writes (${CONCURRENCY} at a time); ${rounds.length} rounds after ${WARMUP} warm-up; min / p50 / p95 / max over the rounds`,
        `(a) frames, from the burst's start until all of it shows`,
        row("longest frame (ms)", of("maxFrameMs")),
        row(`frames over ${LONG_FRAME_MS} ms`, `${of("longFrames", 0)}   (of ${of("frames", 0)})`),
        longTaskSupported
          ? row("long tasks (≥ 50 ms)", `${of("longTasks", 0)}; the longest ${of("longestTaskMs", 0)} ms`)
          : "    long tasks: PerformanceObserver 'longtask' is not supported by this Chromium",
        row(`longest frame in the ${SETTLE_MS} ms after (ms)`, of("maxFrameAfterMs")),
        `(b) fetches per burst, until shown + in the ${SETTLE_MS} ms after`,
        row("GET …/dashboards/mentor", `${of("dashboardFetches", 0)}  +  ${of("dashboardFetchesAfter", 0)}`),
        row("GET …/activity", `${of("activityFetches", 0)}  +  ${of("activityFetchesAfter", 0)}`),
        row("one dashboard fetch, sent → last byte (ms)", `${of("dashboardFetchMs", 0)}   (median per burst; ${of("dashboardKb", 1)} KB compressed)`),
        row("(c) last write's 2xx → the page shows all (ms)", of("lastResponseToShownMs", 0), ""),
        row("times the total changed on screen", of("screenUpdates", 0)),
        row("the longest it stood still (ms)", of("longestStillMs", 0)),
        row(`Renderer main thread, burst + ${SETTLE_MS} ms (ms)`, `${of("mainThreadMs", 0)}; of it script ${of("scriptMs", 0)}, layout + style ${of("layoutAndStyleMs", 0)}`, ""),
        row("Writes, first sent → last 2xx (ms)", of("writesMs", 0), ""),
        `Controls: the dashboard, ${IDLE_MS} ms without writes: ${longest(idleDeltas)}`,
        `          an empty page instead, same bursts: ${longest(aloneFrames)}; writes ${spread(alone, 0)} ms`,
        "",
        `Targets: no frame over ~${LONG_FRAME_MS} ms: ${worst("maxFrameMs") <= LONG_FRAME_MS ? "met" : `MISSED (${worst("longFrames")} in the worst round, the longest ${worst("maxFrameMs").toFixed(0)} ms)`}; ` +
          `dashboard fetches ≪ ${EVENTS} per burst: ${Math.max(...fetchesPerBurst)} at most`,
        await loadAverageLine(loadBefore),
      ].join("\n"),
    );
  } finally {
    await browser?.close();
    await server.stop();
  }
}

runBenchmark(main);
