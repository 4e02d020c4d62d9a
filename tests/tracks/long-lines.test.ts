/**
 * Issue 13, item 1: one request with a long line held the whole server (a 160 KB line blocked it
 * for 23 s). Through the real route handlers: a line over the limit is a line-numbered parse
 * error, large texts are parsed on the parser thread (as server.ts sets up), and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_LINE_LENGTH } from "@/lib/outline";
import { OutlineParserThread } from "@/lib/server/outline-parser-thread";
import { IMPORT_BODY_LIMIT_BYTES } from "@/lib/tracks/schema";
import { OFF_THREAD_MIN_LENGTH, setOutlineParser } from "@/lib/tracks/outline-parser";
import { createTrack, organizationWith, previewImport, trackRowCounts } from "./tracks-fixture";

const MiB = 1024 * 1024;
const NOTHING = { tracks: 0, versions: 0, nodes: 0, events: 0 };

// What reaches the parser thread: the texts that were parsed off the event loop.
const thread = new OutlineParserThread();
const offThread: number[] = [];
beforeAll(() => {
  setOutlineParser({
    parse: (text, format) => {
      offThread.push(text.length);
      return thread.parse(text, format);
    },
  });
});
afterAll(async () => {
  setOutlineParser(undefined);
  await thread.close();
});

const lineTooLong = (line: number, length: number) => ({
  line,
  column: MAX_LINE_LENGTH + 1,
  code: "line-too-long",
  message: `Line ${line}, column ${MAX_LINE_LENGTH + 1}: the line is ${length.toLocaleString("en-US")} characters long, over the limit of 12,000 characters per line, which is reached here; break it into shorter lines (a description can go on over several lines)`,
});

describe("long lines in POST …/tracks/import/preview and POST …/tracks", () => {
  it("answers a 1 MiB single-line text with the line-numbered error, parsed off the event loop, storing nothing", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const cookie = members[0]!.cookie;
    const text = "x".repeat(MiB);

    const preview = await previewImport(organization.slug, cookie, { text });
    // The preview answers 200 for text with errors (`ok: false`), listing them; the import answers 422.
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ ok: false, stats: null, tree: [], errors: [lineTooLong(1, MiB)] });

    const create = await createTrack(organization.slug, cookie, { text });
    expect(create.status).toBe(422);
    expect(create.json!.error).toMatchObject({ code: "VALIDATION_FAILED", details: { parseErrors: [lineTooLong(1, MiB)], issues: [{ path: "body.text" }] } });

    expect(offThread).toEqual(expect.arrayContaining([MiB]));
    expect(await trackRowCounts(organization.id)).toEqual(NOTHING);
  });

  it("answers the reported 160 KB line (spaces, then a trailing space) on line 4 of a roadmap the same way", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const cookie = members[0]!.cookie;
    const line = `- a${" ".repeat(160 * 1024)}x `;
    const text = `# Roadmap\n\n- first\n${line}\n- last\n`;
    expect(text.length).toBeGreaterThanOrEqual(OFF_THREAD_MIN_LENGTH);

    const preview = await previewImport(organization.slug, cookie, { text });
    expect(preview.json).toMatchObject({ ok: false, errors: [lineTooLong(4, line.length)] });
    const create = await createTrack(organization.slug, cookie, { text });
    expect(create.status).toBe(422);
    expect(create.json!.error.details.parseErrors).toEqual([lineTooLong(4, line.length)]);
    expect(await trackRowCounts(organization.id)).toEqual(NOTHING);
  });

  it("imports a valid roadmap of about 1 MiB through the parser thread", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const lines = 35_000; // 29 bytes each: just under the 1 MiB limit
    const text = `# Big\n\n- item\n${"  a line of the description\n".repeat(lines)}- next\n`;
    expect(text.length).toBeGreaterThan(MiB * 0.9);
    const before = offThread.length;

    const preview = await previewImport(organization.slug, members[0]!.cookie, { text });
    expect(preview.json).toMatchObject({ ok: true, errors: [], repairCount: 0, stats: { sections: 0, items: 2 } });
    const create = await createTrack(organization.slug, members[0]!.cookie, { text });
    expect(create.status).toBe(201);

    expect(offThread.length).toBe(before + 2);
    const nodes = await getDb().trackNode.findMany({ where: { organizationId: organization.id }, orderBy: { ordinal: "asc" } });
    expect(nodes.map((node) => node.title)).toEqual(["item", "next"]);
    expect(nodes[0]!.description!.split("\n")).toHaveLength(lines);
  });

  it("refuses a single line over the body limit with 413 before reading it, storing nothing", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const text = "x".repeat(IMPORT_BODY_LIMIT_BYTES);
    for (const call of [previewImport, createTrack]) {
      const { status, json } = await call(organization.slug, members[0]!.cookie, { text });
      expect(status).toBe(413);
      expect(json!.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", details: { limitBytes: IMPORT_BODY_LIMIT_BYTES } });
    }
    expect(await trackRowCounts(organization.id)).toEqual(NOTHING);
  });
});
