/**
 * Browser-side calls to Cairn's own API (made through lib/api/client.ts). Failures
 * become an ApiError carrying the envelope's code, message and per-field messages,
 * so forms can show each error next to its field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string>,
    readonly requestId?: string,
    /** The envelope's details as sent, for errors that carry more than field messages (a 409's conflicts). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface Envelope {
  error?: { code?: string; message?: string; requestId?: string; details?: { issues?: Array<{ path: string; message: string }> } & Record<string, unknown> };
}

/** "body.email" → "email": the field name a form knows. First message per field wins. */
function fieldErrorsOf(envelope: Envelope): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of envelope.error?.details?.issues ?? []) {
    const field = issue.path.replace(/^(body|query)\.?/, "") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** `keepalive`: the request outlives the page (a decision sent as the tab closes). */
export type ApiRequestInit = { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; keepalive?: boolean };

/**
 * One request and its JSON answer, with the response headers. Components do not call this
 * with a path of their own: they go through callEndpoint (lib/api/client.ts, decision 0037).
 */
export async function apiExchange<T>(path: string, init: ApiRequestInit = {}): Promise<{ data: T; headers: Headers }> {
  let response: Response;
  try {
    // FormData goes as multipart (the browser writes its Content-Type with the boundary); anything else as JSON.
    const form = init.body instanceof FormData;
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { ...(init.body === undefined || form ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.body === undefined ? undefined : form ? (init.body as FormData) : JSON.stringify(init.body),
      credentials: "same-origin",
      signal: init.signal,
      keepalive: init.keepalive,
    });
  } catch (error) {
    // A cancelled request (react-query dropping a stale query) is not a network failure.
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", "Could not reach Cairn. Check your connection and try again.", {});
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const envelope = (json ?? {}) as Envelope;
    throw new ApiError(
      response.status,
      envelope.error?.code ?? "UNKNOWN",
      envelope.error?.message ?? `The request failed (${response.status}).`,
      fieldErrorsOf(envelope),
      envelope.error?.requestId,
      envelope.error?.details ?? {},
    );
  }
  return { data: json as T, headers: response.headers };
}
