import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseMarkdownOutline, parseOutline } from "@/lib/outline";
import { OutlineParserThread } from "./outline-parser-thread";

const SEED = readFileSync("lib/outline/seed/python-backend-roadmap.txt", "utf8");
const MISBEHAVING = new URL("./testing/misbehaving-parser-worker.ts", import.meta.url);

const threads: OutlineParserThread[] = [];
function thread(options: ConstructorParameters<typeof OutlineParserThread>[0] = {}) {
  const created = new OutlineParserThread(options);
  threads.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(threads.splice(0).map((created) => created.close()));
});

describe("OutlineParserThread", () => {
  it("parses on a worker exactly as inline, one text after another", async () => {
    const parser = thread();
    const large = `# Large\n\n- item\n${"  a line of description \n".repeat(40_000)}`;
    const [seed, big, broken] = await Promise.all([parser.parse(SEED), parser.parse(large), parser.parse("- a\n      - b\n")]);
    expect(seed).toEqual(parseOutline(SEED));
    expect(big).toEqual(parseOutline(large));
    expect(broken).toEqual(parseOutline("- a\n      - b\n"));
  });

  it("reads Markdown when told to, exactly as inline (decision 0031)", async () => {
    const parser = thread();
    const markdown = `# Large\n\n## Week 1\n${"- [ ] an [item](https://example.com)\n  a line of description\n".repeat(4_000)}`;
    const [read, asText] = await Promise.all([parser.parse(markdown, "markdown"), parser.parse(markdown, "text")]);
    expect(read).toEqual(parseMarkdownOutline(markdown));
    expect(read).toMatchObject({ ok: true });
    expect(asText).toEqual(parseOutline(markdown));
  });

  it("refuses a parse at once when the queue is full", async () => {
    const parser = thread({ maxQueued: 1 });
    const first = parser.parse(SEED);
    await expect(parser.parse(SEED)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/^Too many roadmaps/) });
    await expect(first).resolves.toMatchObject({ ok: true });
  });

  it("terminates a worker that runs past the timeout, and parses the next text on a fresh one", async () => {
    const parser = thread({ workerUrl: MISBEHAVING, timeoutMs: 2_000 });
    await parser.parse("- warm up"); // the clock starts once the worker has the text
    const hung = parser.parse("hang");
    const next = parser.parse("- after");
    await expect(hung).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/took too long/) });
    await expect(next).resolves.toEqual(parseOutline("- after"));
  });

  it("fails the parse a worker dies on, and carries on with a new worker", async () => {
    const parser = thread({ workerUrl: MISBEHAVING });
    await expect(parser.parse("crash")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/could not be read/) });
    await expect(parser.parse("- b")).resolves.toEqual(parseOutline("- b"));
  });

  it("refuses what waits when closed", async () => {
    const parser = thread();
    const waiting = Promise.allSettled([parser.parse(SEED), parser.parse(SEED)]);
    await parser.close();
    expect((await waiting).map((outcome) => outcome.status === "rejected" && outcome.reason.code)).toEqual(["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"]);
    await expect(parser.parse(SEED)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
