/**
 * Per-file indentation: which unit a file indents with, and the level of each line.
 *
 * Detection looks at the indentation of every bullet line:
 * - Style: tabs if more lines are indented with tabs only than with spaces only, spaces if fewer;
 *   on a tie, the style of the first indented line.
 * - Spaces per level: the most common increase in indentation from one bullet line to the next
 *   (both indented with spaces only), so a stray over-indented line does not change it; with no
 *   such increase, the smallest indentation (space-indented files only); with no indented lines
 *   at all, 2.
 * Levels: a line in the file's own style is `tabs` levels, or `spaces / width` levels (a space
 * count that is not a multiple of the width is an error). A line in the other style, or mixing
 * both, is resolved with tab stops every `width` columns — a tab is one level — and reported as a
 * repair; it cannot be resolved (an error) when its columns are not a whole number of levels, or
 * when the file indents with tabs and never shows how many spaces make a level.
 */

export interface IndentStyle {
  kind: "spaces" | "tabs";
  /** Spaces per level; null for a tab-indented file with no space-indented nesting to learn it from. */
  width: number | null;
  /** One level, as written: "\t" or `width` spaces. */
  unit: string;
}

const ONLY_TABS = /^\t+$/;
const ONLY_SPACES = /^ +$/;

export function detectIndentation(indents: readonly string[]): IndentStyle {
  let tabs = 0;
  let spaces = 0;
  let first: IndentStyle["kind"] | null = null;
  const steps = new Map<number, number>();
  let smallest: number | null = null;
  let previous: number | null = null;
  for (const indent of indents) {
    if (ONLY_TABS.test(indent)) {
      tabs++;
      first ??= "tabs";
    } else if (ONLY_SPACES.test(indent)) {
      spaces++;
      first ??= "spaces";
      smallest = Math.min(smallest ?? indent.length, indent.length);
    }
    if (indent === "" || ONLY_SPACES.test(indent)) {
      if (previous !== null && indent.length > previous) {
        const step = indent.length - previous;
        steps.set(step, (steps.get(step) ?? 0) + 1);
      }
      previous = indent.length;
    } else previous = null;
  }
  const kind = tabs > spaces ? "tabs" : spaces > tabs ? "spaces" : (first ?? "spaces");
  let width: number | null = null;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && width !== null && step < width)) {
      width = step;
      bestCount = count;
    }
  }
  if (kind === "spaces") {
    width ??= smallest ?? 2;
    return { kind, width, unit: " ".repeat(width) };
  }
  return { kind, width, unit: "\t" };
}

export type IndentLevel =
  | { ok: true; level: number; /** Written in the other style or mixed: the line was rewritten. */ normalized: boolean }
  | { ok: false; code: "indent-not-multiple" | "mixed-indentation"; reason: string; approximateLevel: number };

export function indentLevel(indent: string, style: IndentStyle): IndentLevel {
  if (indent === "") return { ok: true, level: 0, normalized: false };
  if (style.kind === "tabs" && ONLY_TABS.test(indent)) return { ok: true, level: indent.length, normalized: false };
  if (style.kind === "spaces" && style.width !== null && ONLY_SPACES.test(indent)) {
    if (indent.length % style.width === 0) return { ok: true, level: indent.length / style.width, normalized: false };
    return {
      ok: false,
      code: "indent-not-multiple",
      reason: `indented by ${indent.length} spaces, which is not a whole number of levels in this file (${style.width} spaces per level)`,
      approximateLevel: Math.round(indent.length / style.width),
    };
  }
  const width = style.width;
  if (width === null) {
    return {
      ok: false,
      code: "mixed-indentation",
      reason: "indented with spaces in a file indented with tabs, and the file never shows how many spaces make one level; indent with tabs",
      approximateLevel: 0,
    };
  }
  let columns = 0;
  for (const char of indent) columns = char === "\t" ? (Math.floor(columns / width) + 1) * width : columns + 1;
  if (columns % width !== 0) {
    return {
      ok: false,
      code: "mixed-indentation",
      reason: `indentation mixes tabs and spaces and does not line up with a level (a tab counts as one level of ${width} spaces); indent with ${style.kind === "tabs" ? "tabs" : `${width} spaces per level`} only`,
      approximateLevel: Math.round(columns / width),
    };
  }
  return { ok: true, level: columns / width, normalized: true };
}

/** How an indentation string reads in a message: "2 tabs", "4 spaces", "1 tab + 2 spaces". */
export function describeIndent(indent: string): string {
  if (indent === "") return "no indentation";
  const parts: string[] = [];
  let i = 0;
  while (i < indent.length) {
    const char = indent[i];
    let j = i;
    while (indent[j] === char) j++;
    const count = j - i;
    parts.push(`${count} ${char === "\t" ? "tab" : "space"}${count === 1 ? "" : "s"}`);
    i = j;
  }
  return parts.join(" + ");
}
