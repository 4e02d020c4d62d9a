/**
 * Parsing pasted roadmap text without holding up the event loop. Parsing is linear, but 1 MiB of
 * short lines still takes up to ~190 ms of CPU (decision 0015), during which no page, API call,
 * socket or job could run. So text of `OFF_THREAD_MIN_LENGTH` or more goes to the parser thread
 * that server.ts starts (`lib/server/roadmap-parser-thread.ts`), reached through globalThis like
 * the Socket.IO server, since Next.js loads route modules in a module graph of its own. Shorter
 * text, and any text when no thread runs (scripts, most tests), is parsed inline.
 */
import { parseRoadmap } from "@/lib/roadmap";
import type { ParseResult } from "@/lib/roadmap";

/** 64 Ki characters: the worst inline case (a line break every few characters) takes ~12 ms. */
export const OFF_THREAD_MIN_LENGTH = 64 * 1024;

export interface RoadmapParser {
  parse(text: string): Promise<ParseResult>;
}

const globalForParser = globalThis as unknown as { __cairnRoadmapParser?: RoadmapParser };

export function setRoadmapParser(parser: RoadmapParser | undefined): void {
  globalForParser.__cairnRoadmapParser = parser;
}

export async function parseRoadmapText(text: string): Promise<ParseResult> {
  const parser = globalForParser.__cairnRoadmapParser;
  if (parser && text.length >= OFF_THREAD_MIN_LENGTH) return parser.parse(text);
  return parseRoadmap(text);
}
