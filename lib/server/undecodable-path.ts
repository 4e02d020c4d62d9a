/**
 * A request whose path does not percent-decode ("/o/acme%", "%zz", bytes that are not
 * UTF-8) makes Next.js's routing throw while decoding it, and it answers a plain-text 500
 * that nobody logs. server.ts asks this first: such a request gets the API's 400 envelope
 * with a request id, and one log line, and never reaches Next.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_HEADERS, errorEnvelope, REQUEST_ID_HEADER } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { requestIdFromValue } from "@/lib/http/request-id";
import type { Logger } from "@/lib/observability/logger";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { FIXED_SECURITY_HEADERS } from "@/lib/security/security-headers";

/** Whether the path of a request target (before ? and #) decodes as percent-encoded UTF-8. */
export function isDecodablePath(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0] ?? "";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Answers a request with an undecodable path (400 envelope, logged) and returns true; returns false for any other request. */
export function refuseUndecodablePath(req: IncomingMessage, res: ServerResponse, log: Logger): boolean {
  const target = req.url ?? "/";
  if (isDecodablePath(target)) return false;
  const requestId = requestIdFromValue(req.headers[REQUEST_ID_HEADER]);
  const error = new AppError("BAD_REQUEST", "The request path is not valid percent-encoding (a % must be followed by two hexadecimal digits, and the bytes must be UTF-8).");
  const body = JSON.stringify(errorEnvelope(error, requestId));
  res.writeHead(error.status, {
    ...Object.fromEntries(FIXED_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    ...ERROR_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    [REQUEST_ID_HEADER]: requestId,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  // `path` goes through the logger's URL redaction (tokens in links).
  log.info({ requestId, method: req.method, path: target, ip: req.headers[CLIENT_IP_HEADER], status: error.status, refused: "undecodable path" }, "request");
  return true;
}
