/**
 * Files of an attempt: checked before anything is stored (count and sizes: 413;
 * type by content, never by name: 422), written to the file storage under keys
 * the server makes, and read back only through the authorized download route.
 */
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { getStorage } from "@/lib/storage";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { contentDisposition, downloadHeaders, safeDownloadName } from "./download-headers";
import { checkAttemptFiles, MAX_ATTEMPT_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT, sniffFileType } from "./file-types";

/** The whole multipart body: the files at their limit plus room for the text fields. */
export const MAX_SUBMISSION_BYTES = MAX_ATTEMPT_BYTES + 256 * 1024;
export { MAX_ATTEMPT_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT };

export interface PreparedFile {
  name: string;
  mime: string;
  size: number;
  bytes: Uint8Array;
  sha256: string;
}

export async function prepareFiles(files: readonly File[]): Promise<PreparedFile[]> {
  const sizes = checkAttemptFiles(files);
  if (!sizes.ok) {
    // Too many files is a wrong request; too many bytes is a body too large.
    if (files.length > MAX_FILES_PER_ATTEMPT) throw invalidInput("body.files", sizes.message);
    throw new AppError("PAYLOAD_TOO_LARGE", sizes.message, { limitBytes: MAX_FILE_BYTES, attemptLimitBytes: MAX_ATTEMPT_BYTES });
  }
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffFileType(bytes, file.name);
    if (!type.ok) throw invalidInput("body.files", type.message);
    prepared.push({ name: safeDownloadName(file.name, type.extension), mime: type.mime, size: bytes.byteLength, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return prepared;
}

/** What identifies the files of a request, for an Idempotency-Key's body comparison. */
export const fileFingerprints = (files: readonly PreparedFile[]) => files.map((file) => ({ name: file.name, size: file.size, sha256: file.sha256 }));

/** Writes the files under fresh keys; the rows that point at them are made by the caller's transaction. */
export async function storeFiles(organizationId: string, files: readonly PreparedFile[]): Promise<Array<PreparedFile & { storageKey: string }>> {
  const storage = getStorage();
  const stored: Array<PreparedFile & { storageKey: string }> = [];
  try {
    for (const file of files) {
      const storageKey = `evidence/${organizationId}/${randomUUID()}`;
      await storage.put(storageKey, file.bytes, { contentType: file.mime, size: file.size });
      stored.push({ ...file, storageKey });
    }
  } catch (error) {
    await discardFiles(stored.map((file) => file.storageKey));
    throw error;
  }
  return stored;
}

/** Best effort: files whose rows never committed (a refused or failed submission). */
export async function discardFiles(storageKeys: readonly string[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(storageKeys.map((key) => storage.delete(key).catch(() => undefined)));
}

/**
 * A download: the file of an attempt on an assignment the caller sees (anything
 * else is a 404), sent as an attachment with its sniffed type and nosniff.
 */
export async function downloadFile(ctx: OrgContext, fileId: string): Promise<Response> {
  const db = getDb();
  const file = await db.evidenceFile.findFirst({
    where: { id: fileId, organizationId: ctx.organization.id },
    select: { name: true, mime: true, size: true, storageKey: true, attempt: { select: { assignmentId: true } } },
  });
  if (!file) throw notFound("file");
  await findAssignmentForWrite(ctx, file.attempt.assignmentId, db);
  const stored = await getStorage().get(file.storageKey);
  if (!stored) {
    ctx.log.error({ fileId, storageKey: file.storageKey }, "evidence file missing from storage");
    throw notFound("file");
  }
  // Always saved, never shown in a tab: whatever the content, it does not run in our origin.
  const headers = { ...downloadHeaders(file), "Content-Disposition": contentDisposition("attachment", file.name) };
  return new Response(stored.body, { status: 200, headers });
}
