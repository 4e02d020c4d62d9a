import { randomUUID } from "node:crypto";

// Accept a caller's id only when it is short and plain, so it is safe to log and echo.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  return requestIdFromValue(headers.get("x-request-id"));
}

/** The same from the raw header value (server.ts sees Node's headers, not a Headers object). */
export function requestIdFromValue(incoming: string | string[] | null | undefined): string {
  return typeof incoming === "string" && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
