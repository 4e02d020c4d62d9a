import { activeTraceIds } from "@/lib/observability/trace-context";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security/security-headers";
import { AppError } from "./errors";
import type { ErrorCode } from "./errors";

export interface ErrorEnvelope {
  /** traceId: the request's trace, when one is being recorded (tracing on). */
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string; traceId?: string };
}

export const REQUEST_ID_HEADER = "x-request-id";

/** The envelope's body for `error`. */
export function errorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  const traceId = activeTraceIds()?.traceId;
  return { error: { code: error.code, message: error.message, requestId, ...(traceId && { traceId }), ...(error.details === undefined ? {} : { details: error.details }) } };
}

/** The headers every error answer carries besides its own. */
export const ERROR_HEADERS = { "cache-control": "no-store", "content-security-policy": API_CONTENT_SECURITY_POLICY } as const;

/** The one shape every failed API request answers with. */
export function errorResponse(error: AppError, requestId: string, headers?: HeadersInit): Response {
  const response = Response.json(errorEnvelope(error, requestId), { status: error.status, headers });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(ERROR_HEADERS)) response.headers.set(name, value);
  return response;
}

/** Anything that is not an AppError is a bug: answer opaquely, never with its message or stack. */
export function internalError(): AppError {
  return new AppError("INTERNAL", "Something went wrong on our side. It has been logged; quote the request id if you report it.");
}
