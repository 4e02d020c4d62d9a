/**
 * The checks both readers (the text format, parse.ts; Markdown, markdown.ts) make before they
 * read a line: the file's size and each line's length. Nothing else reads a line before these,
 * so no later step can spend time on an oversized input (decision 0015).
 */
import { codePointLength, formatSize, locateUtf8Offset, plural, utf8Length } from "./text";
import type { ParseError } from "./types";

/** The error for a file over `maxBytes` of UTF-8, placed where the limit is reached; null when within. */
export function fileTooLarge(text: string, maxBytes: number): ParseError | null {
  const size = utf8Length(text);
  if (size <= maxBytes) return null;
  const { line, column } = locateUtf8Offset(text, maxBytes);
  return {
    line,
    column,
    code: "file-too-large",
    message: `Line ${line}, column ${column}: the file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit, which is reached here; split it into smaller roadmaps`,
  };
}

/** An error for each line longer than `maxLineLength` characters (code points), at most `maxErrors`. */
export function longLineErrors(lines: readonly string[], maxLineLength: number, maxErrors: number): ParseError[] {
  const errors: ParseError[] = [];
  for (let i = 0; i < lines.length && errors.length < maxErrors; i++) {
    const line = lines[i]!;
    if (line.length <= maxLineLength) continue; // a UTF-16 length within the limit is a code point length within it
    const length = codePointLength(line);
    if (length <= maxLineLength) continue;
    const column = maxLineLength + 1;
    errors.push({
      line: i + 1,
      column,
      code: "line-too-long",
      message: `Line ${i + 1}, column ${column}: the line is ${plural(length, "character")} long, over the limit of ${plural(maxLineLength, "character")} per line, which is reached here; break it into shorter lines (a description can go on over several lines)`,
    });
  }
  return errors;
}
