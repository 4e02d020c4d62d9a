import { AppError } from "@/lib/http/errors";

/**
 * A published version is immutable: assignments point at it, and edits go into a
 * new draft. Every write to a version's row or nodes (publishing, and the editor's
 * endpoints to come) calls this first, on the version row it has locked.
 */
export function assertDraft(version: { number: number; status: "DRAFT" | "PUBLISHED" }): void {
  if (version.status !== "DRAFT") {
    throw new AppError("CONFLICT", `Version ${version.number} is published and cannot change; start a new draft to edit it.`, { number: version.number, status: version.status });
  }
}
