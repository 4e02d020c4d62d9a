/**
 * `Idempotency-Key` for mutations that clients retry (DESIGN.md): the first
 * request with a key runs and its answer is stored in the same transaction as its
 * writes; a retry with the same key and the same body within a day gets that
 * answer again (with `Idempotent-Replayed: true`) and writes nothing; the same key
 * with a different body is a 422. Keys belong to the caller, the organization and
 * the operation, so they cannot collide across users.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
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

export async function idempotent<T>(
  ctx: OrgContext,
  request: Request,
  operation: string,
  input: unknown,
  /** The endpoint's declared response: its status, and the schema that shapes what is stored. */
  response: { status: number; schema: z.ZodType },
  run: (tx: DbClient) => Promise<T>,
): Promise<T | Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return getDb().$transaction(run, TRANSACTION_OPTIONS);
  if (!KEY_PATTERN.test(key)) {
    const message = "An Idempotency-Key is 8 to 128 letters, digits, or . _ : -";
    throw invalidInput("header.Idempotency-Key", message);
  }
  const id = { userId: ctx.user.id, organizationId: ctx.organization.id, operation, key };
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const db = getDb();

  const earlier = await findFresh(db, id);
  if (earlier) return replay(earlier, requestHash);

  try {
    return await db.$transaction(async (tx) => {
      await tx.idempotencyKey.deleteMany({ where: { ...id, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
      const result = await run(tx);
      // The answer as the client receives it: shaped by the output schema, JSON, dates as strings.
      const stored = JSON.parse(JSON.stringify(response.schema.parse(result))) as object;
      await tx.idempotencyKey.create({ data: { ...id, requestHash, status: response.status, response: stored } });
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // A concurrent request with the same key won: answer what it answered.
    const winner = await findFresh(db, id);
    if (winner) return replay(winner, requestHash);
    throw error;
  }
}

async function findFresh(db: DbClient, id: { userId: string; organizationId: string; operation: string; key: string }): Promise<Stored | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { userId_organizationId_operation_key: id },
    select: { requestHash: true, status: true, response: true, createdAt: true },
  });
  return row && row.createdAt.getTime() > Date.now() - IDEMPOTENCY_WINDOW_MS ? row : null;
}

function replay(stored: Stored, requestHash: string): Response {
  if (stored.requestHash !== requestHash) {
    const message = "This Idempotency-Key was already used with a different request; use a new key for a new request.";
    throw invalidInput("header.Idempotency-Key", message);
  }
  return Response.json(stored.response, { status: stored.status, headers: { "idempotent-replayed": "true" } });
}
