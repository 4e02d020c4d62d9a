/**
 * What went wrong with a submission or a review, sorted for the form: a 422's
 * messages next to their fields (the envelope's `details.issues`, as
 * ApiError.fieldErrors), the rest above the form.
 */
import { ApiError } from "@/lib/http/api-client";

const FALLBACK = "Something went wrong. Try again.";

export interface SubmitFailure {
  fields: { link?: string; note?: string; files?: string };
  /** For the top of the form: what belongs to no field. */
  message: string | null;
  /** 409: an attempt already waits or is approved; the list on screen is out of date. */
  stale: boolean;
}

export function describeSubmitFailure(error: unknown): SubmitFailure {
  if (!(error instanceof ApiError)) return { fields: {}, message: FALLBACK, stale: false };
  if (error.status === 409) return { fields: {}, message: error.message, stale: true };
  // Too many bytes: the files' problem, said next to them.
  if (error.status === 413) return { fields: { files: error.message }, message: null, stale: false };
  const fields: SubmitFailure["fields"] = {};
  const loose: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = path.split(".")[0];
    if (field === "link" || field === "note" || field === "files") fields[field] ??= message;
    else loose.push(message);
  }
  const message = loose.length > 0 ? loose.join(" ") : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, message, stale: false };
}

export interface ReviewFailure {
  /** The comment's own problem (required for changes, too long). */
  comment: string | null;
  message: string | null;
  /** Someone reviewed it first (422 with details.status), or it is gone: the entry is out of date. */
  stale: boolean;
}

export function describeReviewFailure(error: unknown): ReviewFailure {
  if (!(error instanceof ApiError)) return { comment: null, message: FALLBACK, stale: false };
  if (typeof error.details.status === "string" || error.status === 404) return { comment: null, message: error.message, stale: true };
  const comment = error.fieldErrors.comment ?? null;
  const loose = Object.entries(error.fieldErrors)
    .filter(([path]) => path !== "comment")
    .map(([, message]) => message);
  return { comment, message: loose.length > 0 ? loose.join(" ") : comment ? null : error.message, stale: false };
}
