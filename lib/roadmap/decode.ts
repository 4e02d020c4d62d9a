/**
 * From uploaded bytes to a parse result: checks the size before decoding, keeps a BOM (so it
 * round-trips), and reads bytes that are not valid UTF-8 as Windows-1252, reporting that.
 */
import { decodeLegacy } from "./legacy-encodings";
import { MAX_ROADMAP_BYTES, parseRoadmap } from "./parse";
import { formatSize } from "./text";
import type { ParseOptions, ParseResult } from "./types";

export function decodeRoadmapBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeLegacy(bytes, "windows-1252"), encoding: "windows-1252" };
  }
}

export function parseRoadmapBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_ROADMAP_BYTES;
  if (bytes.length > maxBytes) {
    // Name the line where the limit is reached without decoding the whole upload.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < maxBytes; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = Array.from(new TextDecoder().decode(bytes.subarray(lineStart, maxBytes)).replace(/[\r\uFFFD]+$/, "")).length + 1;
    return {
      ok: false,
      errors: [
        {
          line,
          column,
          code: "file-too-large",
          message: `Line ${line}, column ${column}: the file is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit, which is reached here; split it into smaller roadmaps`,
        },
      ],
      repairs: [],
      warnings: [],
    };
  }
  const { text, encoding } = decodeRoadmapBytes(bytes);
  const result = parseRoadmap(text, options);
  if (encoding === "windows-1252") {
    result.repairs.unshift({
      line: 1,
      kind: "encoding",
      before: "",
      after: "",
      message: "Line 1: the file is not valid UTF-8; it was read as Windows-1252",
    });
  }
  return result;
}
