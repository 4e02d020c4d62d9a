/**
 * Idempotency-Key values for a form's submissions. One key per submission: sending
 * the same body again (a retry after a network failure or a 5xx) reuses its key,
 * so the server answers the first request's result instead of assigning twice;
 * a changed body is a new submission and gets a new key (the server refuses a
 * known key with another body).
 */
export function submissionKeys(makeKey: () => string = newIdempotencyKey): (body: unknown) => string {
  let last: { body: string; key: string } | null = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: makeKey() };
    return last.key;
  };
}

/** crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
