/**
 * node:http → a route handler's PUT /…/items/{key}, the way Next.js calls it: a
 * web Request with the path's params. For the bench servers, which leave Next.js's
 * router out of the path.
 */
import type http from "node:http";
import type { RouteHandler } from "../../lib/http/handle";

export const ITEM_PATH = /^\/api\/v1\/o\/([^/]+)\/assignments\/([^/]+)\/items\/([^/]+)$/;

export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Answers PUT /api/v1/o/{org}/assignments/{id}/items/{key} with `PUT`, anything else with 404. */
export async function serveItemWrite(PUT: RouteHandler, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const match = ITEM_PATH.exec(request.url ?? "");
  if (!match || request.method !== "PUT") {
    response.writeHead(404).end();
    return;
  }
  const body = await readBody(request);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  const webRequest = new Request(`http://localhost:3000${request.url}`, { method: "PUT", headers, body: new Uint8Array(body) });
  const [, orgSlug, assignmentId, key] = match;
  const answer = await PUT(webRequest, { params: Promise.resolve({ orgSlug: orgSlug!, assignmentId: assignmentId!, key: key! }) });
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}
