/**
 * Text PostgreSQL cannot take, refused by the gate in any string of the input (path
 * parameters, query values, body fields and keys) before anything reads the database,
 * naming each field, so no schema has to remember it:
 * - U+0000: PostgreSQL cannot store a NUL in text; a query holding one fails ("invalid
 *   byte sequence for encoding UTF8: 0x00"), a 500 (decision 0016).
 * - an unpaired surrogate: JSON may escape half of a UTF-16 surrogate pair ("\ud800"),
 *   which is not Unicode text at all. Prisma's query engine failed on one (a 500), and
 *   the plain-SQL path stored U+FFFD in its place, silently changing what was sent
 *   (found by the OpenAPI fuzz, decision 0021). URLs and form fields are decoded as
 *   UTF-8 and never hold one; only JSON bodies can.
 */
import type { FieldIssue } from "./errors";
import { validationFailed } from "./validation";

export const NUL_MESSAGE = "Must not contain the NUL character (U+0000).";
export const UNPAIRED_SURROGATE_MESSAGE = "Must be Unicode text: it holds half of a surrogate pair (\\ud800–\\udfff alone).";

// A path in a deeply nested body can be as long as the body; the client needs its start.
const MAX_PATH_LENGTH = 200;
const shortened = (path: string) => (path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path);

/** Why PostgreSQL cannot take `text`, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (!text.isWellFormed()) return UNPAIRED_SURROGATE_MESSAGE;
  return null;
}

/** Throws the gate's 422 naming each string of `value` that PostgreSQL cannot take. */
export function assertStorableText(value: unknown, prefix: string): void {
  const issues = unstorableTextIssues(value, prefix);
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * The field paths ("params.orgSlug", "query.q", "body.items.0.title") of the strings in
 * `value` that hold a NUL or an unpaired surrogate; a key holding one is reported by
 * itself (printably). Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function unstorableTextIssues(value: unknown, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      const problem = unstorableTextProblem(current);
      if (problem) issues.push({ path: shortened(path), message: problem });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}.${index}` }));
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const keyPath = `${path}.${printable(key)}`;
        const problem = unstorableTextProblem(key);
        if (problem) issues.push({ path: shortened(keyPath), message: problem });
        else pending.push({ value: item, path: keyPath });
      }
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A key as a client can read it in a path: NUL and lone surrogates escaped. */
function printable(key: string): string {
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  return key.replaceAll("\u0000", "\\u0000").replace(lone, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}
