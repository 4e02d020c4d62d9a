/**
 * next-auth's route handler (app/api/auth/[...nextauth]) reads a POST body whole with
 * `req.text()`, for anyone, before any session exists: a 10 MB body was read to the end.
 * This reads it first, at most AUTH_BODY_LIMIT_BYTES (Content-Length checked before
 * reading, the stream counted while reading), and hands next-auth a request holding
 * those bytes; a larger body is a 413 in the error envelope, logged.
 */
import { NextRequest } from "next/server";
import { readBytes } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { getLogger } from "@/lib/observability/logger";
import { clientIpFrom } from "@/lib/security/client-ip";
import { AUTH_BODY_LIMIT_BYTES } from "@/lib/security/limits";

/** The request with its body read (bounded), or the error answer to send instead. */
export async function boundedAuthRequest(request: NextRequest, limit = AUTH_BODY_LIMIT_BYTES): Promise<NextRequest | Response> {
  // next-auth reads the body of POSTs only; a GET's body (if any) is never read.
  if (request.method !== "POST" || request.body === null) return request;
  try {
    const bytes = await readBytes(request, limit);
    return new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(bytes) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const requestId = requestIdFrom(request.headers);
    const response = errorResponse(error, requestId);
    // The path, not the query: OAuth callbacks carry their code there (the logger redacts it anyway).
    getLogger().child({ requestId }).info({ method: request.method, path: request.nextUrl.pathname, ip: clientIpFrom(request.headers), status: response.status }, "request");
    return response;
  }
}
