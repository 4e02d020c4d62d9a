/**
 * Roadmap parsing benchmark (decision 0015): the CPU time `parseOutline` takes on the largest
 * accepted inputs (1 MiB) of several shapes, and how long the event loop waits while one of them
 * is parsed inline and on the parser thread. Then the same for `parseMarkdownOutline` on Markdown
 * shapes (decision 0031).
 *
 *   npm run bench:parse            (or: npx tsx bench/roadmap-parse.ts)
 *
 * Needs nothing running. Figures only: nothing here passes or fails on time. See bench/README.md.
 * Environment knob: BENCH_ITERATIONS (default 5, after one warm-up).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_OUTLINE_BYTES, parseMarkdownOutline, parseOutline, serializeMarkdown } from "@/lib/outline";
import { OutlineParserThread } from "@/lib/server/outline-parser-thread";
import { OFF_THREAD_MIN_LENGTH } from "@/lib/tracks/outline-parser";
import { ROOT, whole as count } from "./support/bench-database";

const ITERATIONS = count("BENCH_ITERATIONS", 5);
const seed = readFileSync(path.join(ROOT, "lib/outline/seed/python-backend-roadmap.txt"), "utf8");

/** `head`, then `unit` repeated up to `bytes` of UTF-8. */
function fill(unit: string, head = "", bytes = MAX_OUTLINE_BYTES): string {
  const room = bytes - Buffer.byteLength(head);
  return head + unit.repeat(Math.floor(room / Buffer.byteLength(unit)));
}

const SHAPES: Array<[string, string]> = [
  ["the seed (20 KB, 718 nodes)", seed],
  ["the seed's sections repeated (stops at item 5,001)", fill(`\n${seed.split("\n").slice(3).join("\n")}`, seed)],
  ["description lines with a trailing space", fill("  d \n", "- item\n")],
  ["description lines of mojibake", fill("  â€™x â€™x â€™x â€™x â€™x\n", "- item\n")],
  ["description lines with citation debris", fill("  a :contentReference[oaicite:3]{index=3}\n", "- item\n")],
  ["CRLF and LF line endings mixed", fill("  d\r\n  e\n", "- item\n")],
  ["blank lines", fill("\n", "- item\n")],
  ["5,000 items and description lines", fill("  a description line\n", "- item\n".repeat(5000))],
  ["sections (stops at section 1,001)", fill("===\nT\n===\n")],
  ["one line (refused at the line limit)", fill("x")],
  [`short lines at the inline limit (${OFF_THREAD_MIN_LENGTH.toLocaleString("en-US")} characters)`, fill("  d \n", "- item\n", OFF_THREAD_MIN_LENGTH)],
];

const seedDocument = parseOutline(seed);
const seedMarkdown = seedDocument.ok ? serializeMarkdown({ title: seedDocument.document.title, sections: seedDocument.document.sections }) : "";

const MARKDOWN_SHAPES: Array<[string, string]> = [
  ["the seed exported as Markdown", seedMarkdown],
  ["task items with a link each (stops at item 5,001)", fill("- [ ] read [the docs](https://example.com/docs)\n", "## Section\n")],
  ["description lines", fill("  a description line with [a link](https://example.com)\n", "- [ ] item\n")],
  ["paragraphs left out", fill("Some text outside any item.\n\n")],
  ["unclosed links on description lines", fill("  [a](x( [b](<y [c](z \"t\n", "- [ ] item\n")],
  ["blank lines", fill("\n", "- [ ] item\n")],
  ["headings (stops at section 1,001)", fill("## T\n")],
];

function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const format = (ms: number) => ms.toFixed(1).padStart(7);

async function main() {
  console.log(`roadmap parse benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(`CPU ms per parseOutline (min / p50 / max of ${ITERATIONS}, after one warm-up)\n`);
  for (const [name, text] of SHAPES) {
    parseOutline(text);
    const times = Array.from({ length: ITERATIONS }, () => cpuMs(() => parseOutline(text))).sort((a, b) => a - b);
    const result = parseOutline(text);
    const outcome = result.ok ? `ok, ${result.repairCount.toLocaleString("en-US")} repairs` : `${result.errors[0]?.code}`;
    console.log(`${format(times[0]!)} ${format(times[Math.floor(times.length / 2)]!)} ${format(times.at(-1)!)}  ${name} — ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${outcome}`);
  }

  console.log(`\nCPU ms per parseMarkdownOutline (min / p50 / max of ${ITERATIONS}, after one warm-up)\n`);
  for (const [name, text] of MARKDOWN_SHAPES) {
    parseMarkdownOutline(text);
    const times = Array.from({ length: ITERATIONS }, () => cpuMs(() => parseMarkdownOutline(text))).sort((a, b) => a - b);
    const result = parseMarkdownOutline(text);
    const outcome = result.ok ? `ok, ${result.repairCount.toLocaleString("en-US")} repairs` : `${result.errors[0]?.code}`;
    console.log(`${format(times[0]!)} ${format(times[Math.floor(times.length / 2)]!)} ${format(times.at(-1)!)}  ${name} — ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${outcome}`);
  }

  // The event loop's longest wait (a 1 ms timer's lateness) while the heaviest shapes are parsed
  // inline and on the parser thread, and while nothing runs (the machine's own noise).
  const thread = new OutlineParserThread();
  await thread.parse("- warm up");
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const longestWait = async (work: () => Promise<unknown>) => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await sleep(20);
    await work();
    await sleep(20); // lets the timer record a wait that ended with the work
    delay.disable();
    return delay.max / 1e6;
  };
  console.log("\nlongest event-loop wait in ms: idle / parsed inline / parsed on the parser thread");
  for (const [name, text] of [SHAPES[2]!, SHAPES[6]!, SHAPES[1]!]) {
    const idle = await longestWait(() => sleep(300));
    const inline = await longestWait(async () => parseOutline(text));
    const offThread = await longestWait(() => thread.parse(text));
    console.log(`${format(idle)} ${format(inline)} ${format(offThread)}  ${name}`);
  }
  await thread.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
