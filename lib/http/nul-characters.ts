/**
 * PostgreSQL cannot store U+0000 in text: a NUL that reaches a query fails it ("invalid
 * byte sequence for encoding UTF8: 0x00"), a 500. The gate refuses one in any string of
 * the input (path parameters, query values, body fields and keys) before anything reads
 * the database, naming each field, so no schema has to remember it.
 */
import type { FieldIssue } from "./errors";
import { validationFailed } from "./validation";

export const NUL_MESSAGE = "Must not contain the NUL character (U+0000).";

// A path in a deeply nested body can be as long as the body; the client needs its start.
const MAX_PATH_LENGTH = 200;
const shortened = (path: string) => (path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path);

/** Throws the gate's 422 naming each string of `value` that holds a NUL. */
export function assertNoNulCharacters(value: unknown, prefix: string): void {
  const issues = nulCharacterIssues(value, prefix);
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * The field paths ("params.orgSlug", "query.q", "body.items.0.title") of the strings in
 * `value` that hold a NUL; a key holding one is reported by itself. Iterative, so a deeply
 * nested body cannot exhaust the stack.
 */
export function nulCharacterIssues(value: unknown, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      if (current.includes("\u0000")) issues.push({ path: shortened(path), message: NUL_MESSAGE });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}.${index}` }));
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const keyPath = `${path}.${key.replaceAll("\u0000", "\\u0000")}`;
        if (key.includes("\u0000")) issues.push({ path: shortened(keyPath), message: NUL_MESSAGE });
        else pending.push({ value: item, path: keyPath });
      }
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
