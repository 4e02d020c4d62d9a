/**
 * Names for the plain-SQL statements (lib/db/sql.ts), so PostgreSQL parses and
 * plans each once per connection and then only binds and runs it: on the hot
 * path that is most of the server's work for a statement (the session check
 * costs its backend ~0.41 ms of CPU unnamed and ~0.06 ms named; the progress
 * write's lock ~0.79 and ~0.14 ms: bench/statement-cost.ts, decision 0036).
 *
 * The name is a digest of the text, so one text always has one name (pg
 * prepares it on a connection the first time that connection sees it) and two
 * texts never share one. Texts come from `sql` templates in the code, whose
 * values are all parameters, so there are as many as there are call sites (a
 * few hundred at most); the memo is bounded anyway, and a text past the bound
 * is still named, only hashed again. PostgreSQL re-plans a prepared statement
 * by itself when a table it reads changes (a migration). A pooler in front of
 * PostgreSQL must pass prepared statements through (PgBouncer ≥ 1.21 in
 * transaction mode with `max_prepared_statements` set, or session mode).
 */
import { createHash } from "node:crypto";

const MAX_REMEMBERED = 2_000;
const names = new Map<string, string>();

export function preparedName(text: string): string {
  const known = names.get(text);
  if (known) return known;
  const name = `cairn_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
  if (names.size < MAX_REMEMBERED) names.set(text, name);
  return name;
}
