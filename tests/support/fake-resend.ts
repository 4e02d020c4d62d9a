/**
 * A fake Resend API on loopback, for tests that send email without the internet.
 * Point the SDK at it with RESEND_BASE_URL=<url> (the SDK reads it when a
 * `new Resend(key)` is constructed). It answers `POST /emails` as Resend does:
 * a bearer key is required (401 JSON without one), the reply is `{ id }`, and
 * an `Idempotency-Key` makes a retry return the first id without storing a
 * second email. What was sent is readable in-process through `emails()` and,
 * for Playwright tests in another process, over HTTP:
 *   GET    /__emails[?to=address]   the stored emails, oldest first
 *   DELETE /__emails                forgets them
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
  idempotencyKey?: string;
  createdAt: string;
}

export interface FakeResend {
  /** Base URL for RESEND_BASE_URL, e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  emails(): ReceivedEmail[];
  clear(): void;
  stop(): Promise<void>;
}

export interface FakeResendOptions {
  /** A fixed port, for a server whose URL must be known before it starts (e.g. Playwright's webServer env). Default: any free port. */
  port?: number;
}

const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const emails: ReceivedEmail[] = [];
  /** Idempotency-Key → the email it created and the request body it was created from. */
  const byIdempotencyKey = new Map<string, { email: ReceivedEmail; body: string }>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { statusCode: 500, name: "internal_server_error", message: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-resend.local");

    if (url.pathname === "/__emails") {
      if (request.method === "GET") {
        const toParam = url.searchParams.get("to");
        const to = toParam ? mailbox(toParam) : undefined;
        return sendJson(response, 200, to ? emails.filter((email) => email.to.some((address) => mailbox(address) === to)) : emails);
      }
      if (request.method === "DELETE") {
        clear();
        return sendJson(response, 200, { cleared: true });
      }
      return sendError(response, 405, "method_not_allowed", "Method not allowed");
    }

    if (url.pathname !== "/emails") return sendError(response, 404, "not_found", "The requested endpoint does not exist.");
    if (request.method !== "POST") return sendError(response, 405, "method_not_allowed", "Method not allowed");

    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!key) {
      return sendError(response, 401, "missing_api_key", "Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request.");
    }
    if (!key.startsWith("re_")) return sendError(response, 403, "invalid_api_key", "API key is invalid");

    const raw = await readBody(request);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return sendError(response, 422, "validation_error", "Invalid JSON body.");
    }

    const idempotencyKey = header(request, "idempotency-key");
    if (idempotencyKey !== undefined) {
      const previous = byIdempotencyKey.get(idempotencyKey);
      if (previous && previous.body !== raw) {
        return sendError(response, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
      }
      if (previous) return sendJson(response, 200, { id: previous.email.id });
    }

    const missing = ["from", "to", "subject"].filter((field) => !present(body[field]));
    if (missing.length > 0) return sendError(response, 422, "missing_required_field", `Missing \`${missing.join("`, `")}\` field.`);
    if (!present(body.html) && !present(body.text) && !present(body.template)) {
      return sendError(response, 422, "validation_error", "Missing `html` or `text` field.");
    }

    const email: ReceivedEmail = {
      id: randomUUID(),
      from: String(body.from),
      to: list(body.to),
      cc: list(body.cc),
      bcc: list(body.bcc),
      replyTo: list(body.reply_to),
      subject: String(body.subject),
      ...(typeof body.html === "string" && { html: body.html }),
      ...(typeof body.text === "string" && { text: body.text }),
      ...(isRecord(body.headers) && { headers: body.headers as Record<string, string> }),
      ...(Array.isArray(body.tags) && { tags: body.tags as ReceivedEmail["tags"] }),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
      createdAt: new Date().toISOString(),
    };
    emails.push(email);
    if (idempotencyKey !== undefined) byIdempotencyKey.set(idempotencyKey, { email, body: raw });
    sendJson(response, 200, { id: email.id });
  }

  function clear(): void {
    emails.length = 0;
    byIdempotencyKey.clear();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails: () => emails.map((email) => structuredClone(email)),
    clear,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, name: string, message: string): void {
  sendJson(response, status, { statusCode: status, name, message });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) request.destroy(new Error("request body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The address part of "Name <a@b.c>" or "a@b.c", lower-cased, for ?to= matching. */
function mailbox(address: string): string {
  return (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
}
