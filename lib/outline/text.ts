/** Small string helpers shared by the parser and the repairs: byte sizes, columns, line splitting. */
import type { Newline } from "./types";

/** Size of `text` in UTF-8 bytes, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** 1-based line and column (in code points) of the character holding UTF-8 byte number `byteIndex` (0-based). */
export function locateUtf8Offset(text: string, byteIndex: number): { line: number; column: number } {
  let bytes = 0;
  let line = 1;
  let column = 1;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > byteIndex) break;
    bytes += size;
    if (char === "\n") {
      line++;
      column = 1;
    } else if (char !== "\r") column++;
  }
  return { line, column };
}

export interface SplitLines {
  lines: string[];
  /** Terminator after each line; "" for a last line without one. */
  terminators: Array<Newline | "">;
  /** The text ends with a terminator. */
  finalNewline: boolean;
}

/** Split on "\r\n", "\n" or "\r". A terminator at the very end does not start another line. */
export function splitLines(text: string): SplitLines {
  const lines: string[] = [];
  const terminators: Array<Newline | ""> = [];
  if (text === "") return { lines, terminators, finalNewline: false };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    lines.push(text.slice(start, i));
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      terminators.push("\r\n");
      i++;
    } else terminators.push(code === 0x0d ? "\r" : "\n");
    start = i + 1;
  }
  const finalNewline = start === text.length && lines.length > 0;
  if (!finalNewline) {
    lines.push(text.slice(start));
    terminators.push("");
  }
  return { lines, terminators, finalNewline };
}

/** Quote a snippet for a message, shortened to `max` code points (reading no more of `text` than that). */
export function quote(text: string, max = 60): string {
  let count = 0;
  let kept = 0; // UTF-16 length of the first max - 1 code points
  for (const char of text) {
    if (++count > max) return JSON.stringify(`${text.slice(0, kept)}…`);
    if (count < max) kept += char.length;
  }
  return JSON.stringify(text);
}

export function describeNewline(newline: Newline): string {
  return newline === "\r\n" ? "CRLF" : newline === "\r" ? "CR" : "LF";
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : pluralForm}`;
}

/** "900 bytes", "1 MB", "2.5 MB" (MB = 1,048,576 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return plural(bytes, "byte");
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** Code points in `line`. */
export function codePointLength(line: string): number {
  let length = 0;
  for (const _char of line) length++;
  return length;
}
