/**
 * Browser-side calls to Cairn's own API. Failures become an ApiError carrying the
 * envelope's code, message and per-field messages, so forms can show each error
 * next to its field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface Envelope {
  error?: { code?: string; message?: string; requestId?: string; details?: { issues?: Array<{ path: string; message: string }> } };
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

export async function apiRequest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
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
    );
  }
  return json as T;
}
