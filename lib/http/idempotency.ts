/**
 * `Idempotency-Key` for mutations that clients retry (DESIGN.md): the first
 * request with a key runs and its answer is stored in the same transaction as its
 * writes; a retry with the same key and the same body within a day gets that
 * answer again (with `Idempotent-Replayed: true`) and writes nothing; the same key
 * with a different body is a 422. Keys belong to the caller, the organization and
 * the operation, so they cannot collide across users.
 *
 * Two transaction kinds share it: `idempotent` runs the write in a Prisma
 * transaction; `idempotentSql` in plain SQL on the pool, for the one-item progress
 * write (the hot path, decisions 0010 and 0036: without a key it is exactly
 * `run` on the pool, no transaction; with one, a transaction with a look-up before
 * and one statement before COMMIT, decision 0025). The key's row is read and claimed in SQL for both.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getDb, getPool } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { pgRunner, prismaRunner, queryRows, sql, withTransaction } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { invalidInput } from "./errors";
import type { OrgContext } from "./handle";

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long an answer is replayed; an older key may be used again. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Some operations write in bulk (a cohort of 200 assignments): more than Prisma's 5 s default. */
const TRANSACTION_OPTIONS = { timeout: 30_000 };

interface Stored {
  requestHash: string;
  status: number;
  response: unknown;
  createdAt: Date;
}

type DeclaredResponse = { status: number; schema: z.ZodType };

export function idempotent<T>(
  ctx: OrgContext,
  request: Request,
  operation: string,
  input: unknown,
  /** The endpoint's declared response: its status, and the schema that shapes what is stored. */
  response: DeclaredResponse,
  run: (tx: DbClient) => Promise<T>,
): Promise<T | Response> {
  return withIdempotencyKey({ ctx, request, operation, input, response }, (body) => getDb().$transaction((tx) => body(tx, prismaRunner(tx)), TRANSACTION_OPTIONS), run);
}

/**
 * `idempotent` for a write in plain SQL whose every change is ONE statement (the
 * one-item progress write, decision 0036): without a key `run` gets the pool, each
 * statement its own transaction, so the write costs no BEGIN and COMMIT; with one
 * it runs in a transaction (withTransaction) that also stores the answer.
 */
export function idempotentSql<T>(
  ctx: OrgContext,
  request: Request,
  operation: string,
  input: unknown,
  response: DeclaredResponse,
  run: (runner: SqlRunner) => Promise<T>,
): Promise<T | Response> {
  if (request.headers.get(IDEMPOTENCY_HEADER) === null) return run(pgRunner(getPool()));
  return withIdempotencyKey({ ctx, request, operation, input, response }, (body) => withTransaction((runner) => body(runner, runner)), run);
}

interface KeyedRequest {
  ctx: OrgContext;
  request: Request;
  operation: string;
  input: unknown;
  response: DeclaredResponse;
}

/** `inTransaction` opens the write's transaction and gives its client and a SQL runner on it. */
async function withIdempotencyKey<Tx, T>(
  { ctx, request, operation, input, response }: KeyedRequest,
  inTransaction: <R>(body: (tx: Tx, runner: SqlRunner) => Promise<R>) => Promise<R>,
  run: (tx: Tx) => Promise<T>,
): Promise<T | Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return inTransaction((tx) => run(tx));
  if (!KEY_PATTERN.test(key)) {
    const message = "An Idempotency-Key is 8 to 128 letters, digits, or . _ : -";
    throw invalidInput("header.Idempotency-Key", message);
  }
  const id = { userId: ctx.user.id, organizationId: ctx.organization.id, operation, key };
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");

  const earlier = await findFresh(id);
  if (earlier) return replay(earlier, requestHash);

  try {
    return await inTransaction(async (tx, runner) => {
      const result = await run(tx);
      // The answer as the client receives it: shaped by the output schema, JSON, dates as strings.
      const stored = JSON.parse(JSON.stringify(response.schema.parse(result))) as object;
      const [claimed] = await runner.rows<{ claimed: number }>(claimKey(id, requestHash, response.status, stored));
      // A concurrent request with the same key committed first: undo this one's writes (the catch answers what it answered).
      if (!claimed) throw new Error("The Idempotency-Key was claimed by a concurrent request.");
      return result;
    });
  } catch (error) {
    // A concurrent request with the same key won: answer what it answered.
    const winner = await findFresh(id);
    if (winner) return replay(winner, requestHash);
    throw error;
  }
}

interface KeyId {
  userId: string;
  organizationId: string;
  operation: string;
  key: string;
}

const WINDOW = `${IDEMPOTENCY_WINDOW_MS / 1000} seconds`;

/**
 * Stores the answer under the key, or takes over the key's row if it is older than
 * the window (a key may be used again after it). No row back: a fresh answer is
 * stored already, by a request that committed while this one ran.
 */
function claimKey(id: KeyId, requestHash: string, status: number, stored: object) {
  return sql`
    INSERT INTO "IdempotencyKey" ("userId", "organizationId", "operation", "key", "requestHash", "status", "response", "createdAt")
    VALUES (${id.userId}, ${id.organizationId}, ${id.operation}, ${id.key}, ${requestHash}, ${status}::int, ${JSON.stringify(stored)}::jsonb,
            date_trunc('milliseconds', now() AT TIME ZONE 'UTC'))
    ON CONFLICT ("userId", "organizationId", "operation", "key") DO UPDATE SET
      "requestHash" = EXCLUDED."requestHash", "status" = EXCLUDED."status", "response" = EXCLUDED."response", "createdAt" = EXCLUDED."createdAt"
    WHERE "IdempotencyKey"."createdAt" <= (now() AT TIME ZONE 'UTC') - ${WINDOW}::interval
    RETURNING 1 AS claimed`;
}

async function findFresh(id: KeyId): Promise<Stored | null> {
  const [row] = await queryRows<Stored>(sql`
    SELECT "requestHash", "status", "response", "createdAt" FROM "IdempotencyKey"
    WHERE "userId" = ${id.userId} AND "organizationId" = ${id.organizationId} AND "operation" = ${id.operation} AND "key" = ${id.key}`);
  return row && row.createdAt.getTime() > Date.now() - IDEMPOTENCY_WINDOW_MS ? row : null;
}

function replay(stored: Stored, requestHash: string): Response {
  if (stored.requestHash !== requestHash) {
    const message = "This Idempotency-Key was already used with a different request; use a new key for a new request.";
    throw invalidInput("header.Idempotency-Key", message);
  }
  return Response.json(stored.response, { status: stored.status, headers: { "idempotent-replayed": "true" } });
}
