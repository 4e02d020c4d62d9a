// Any /api path no route claims answers with the error envelope, not an HTML page.
import { errorResponse } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { requestIdFrom } from "@/lib/http/request-id";

function noSuchEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("NOT_FOUND", `No API endpoint at ${request.method} ${pathname}. See /api/v1/openapi.json.`), requestIdFrom(request.headers));
}

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
