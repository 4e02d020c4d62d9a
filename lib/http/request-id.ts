import { randomUUID } from "node:crypto";

// Accept a caller's id only when it is short and plain, so it is safe to log and echo.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
