import { getDb } from "@/lib/db/client";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import type { OrgContext } from "@/lib/http/handle";
import { idempotent } from "@/lib/http/idempotency";
import { discardFiles, fileFingerprints, prepareFiles, storeFiles } from "./evidence-files";
import { assertSubmitter } from "./access";
import { submitEvidence } from "./submit-evidence";
import type { AttemptOut, SubmitEvidenceInput } from "./schema";
import type { z } from "zod";

/**
 * Before the body is read (the gate's `authorize`): the caller sees the assignment (else
 * 404) and is its assignee (else 403), so nobody else's upload is read or stored.
 * submitEvidence checks both again in its transaction.
 */
export async function assertMaySubmit(ctx: OrgContext, assignmentId: string): Promise<void> {
  assertSubmitter(ctx, await findAssignmentForWrite(ctx, assignmentId, getDb()));
}

/**
 * A submission as the API receives it: the files checked and stored first (so the
 * transaction does no slow I/O of its own), then the attempt in the
 * Idempotency-Key's transaction. Files whose attempt did not commit, or that a
 * replayed request brought again, are removed.
 */
export async function submitEvidenceRequest(
  ctx: OrgContext,
  request: Request,
  target: { assignmentId: string; key: string },
  body: SubmitEvidenceInput,
  files: File[],
  response: { status: number; schema: z.ZodType },
): Promise<AttemptOut | Response> {
  const prepared = await prepareFiles(files);
  const stored = await storeFiles(ctx.organization.id, prepared);
  const discard = () => discardFiles(stored.map((file) => file.storageKey));
  try {
    const result = await idempotent(ctx, request, "evidence.submit", { target, body, files: fileFingerprints(prepared) }, response, (tx) =>
      submitEvidence(tx, ctx, target.assignmentId, target.key, body, stored),
    );
    if (result instanceof Response) await discard();
    return result;
  } catch (error) {
    await discard();
    throw error;
  }
}
