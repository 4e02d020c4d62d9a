/**
 * Why a page failed, as far as the browser can tell (docs/decisions/0024-failure-behaviour.md).
 * A Server Component's error reaches the browser as an opaque digest (never its message),
 * so the error boundary asks the readiness probe instead: a 503 there (or no answer at
 * all) means Cairn itself is unavailable (its database down), and the page says so and
 * that trying again later will work, rather than a generic "something went wrong".
 */
export type PageFailure = "unavailable" | "error";

export const READINESS_PATH = "/api/health/ready";

export async function pageFailureKind(fetcher: (path: string) => Promise<Response> = (path) => fetch(path, { cache: "no-store" })): Promise<PageFailure> {
  try {
    const response = await fetcher(READINESS_PATH);
    return response.status === 503 ? "unavailable" : "error";
  } catch {
    // The server did not answer at all: unavailable too.
    return "unavailable";
  }
}
