/**
 * The one error type services throw. The route gate maps each code to an HTTP
 * status and the envelope `{ error: { code, message, details, requestId } }`.
 */

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "body.name" or "query.after". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A resource that does not exist *or belongs to another organization*: never confirm which. */
export function notFound(what = "resource"): AppError {
  return new AppError("NOT_FOUND", `No such ${what}.`);
}

/**
 * A 422 about one input the schema could not judge (it needed the database or the
 * current state), in the same shape as the gate's validation failures: the message,
 * `details.issues` naming the field, and any further details.
 */
export function invalidInput(path: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError("VALIDATION_FAILED", message, { issues: [{ path, message }], ...details });
}

export function forbidden(message = "You do not have permission to do that."): AppError {
  return new AppError("FORBIDDEN", message);
}

export function unauthenticated(): AppError {
  return new AppError("UNAUTHENTICATED", "Sign in to continue.");
}
