/**
 * From uploaded bytes to a parse result: checks the size before decoding, keeps a BOM (so it
 * round-trips), and reads bytes that are not valid UTF-8 as Windows-1252, reporting that.
 */
import { decodeLegacy } from "./legacy-encodings";
import { MAX_OUTLINE_BYTES, parseOutline } from "./parse";
import { MAX_LISTED_REPAIRS } from "./repair-list";
import { formatSize } from "./text";
import type { ParseOptions, ParseResult } from "./types";

export function decodeOutlineBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeLegacy(bytes, "windows-1252"), encoding: "windows-1252" };
  }
}

/**
 * Code points of the decoded start of the line where the limit falls, without a "\r" or the
 * U+FFFD of a character cut by the limit at its end. Trimmed by hand: `/[\r\uFFFD]+$/` retries
 * from every "\r" of a long run that does not end the text, which is quadratic.
 */
function codePointsBeforeLimit(text: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === "\r" || text[end - 1] === "\uFFFD")) end--;
  let count = 0;
  for (const _char of text.slice(0, end)) count++;
  return count;
}

export function parseOutlineBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_OUTLINE_BYTES;
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
    const column = codePointsBeforeLimit(new TextDecoder().decode(bytes.subarray(lineStart, maxBytes))) + 1;
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
      repairCount: 0,
      warnings: [],
    };
  }
  const { text, encoding } = decodeOutlineBytes(bytes);
  const result = parseOutline(text, options);
  if (encoding === "windows-1252") {
    result.repairs.unshift({
      line: 1,
      kind: "encoding",
      before: "",
      after: "",
      message: "Line 1: the file is not valid UTF-8; it was read as Windows-1252",
    });
    result.repairCount++;
    if (result.repairs.length > MAX_LISTED_REPAIRS) result.repairs.pop();
  }
  return result;
}
