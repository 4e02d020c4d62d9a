/**
 * The few GitHub REST API reads an evidence check makes (decision 0034). Only
 * GITHUB_API_URL's host is contacted: the evidence address is parsed
 * (evidence-link.ts) into owner, repository and number/SHA, and those become a
 * path on the configured API, never a URL of their own. Each request has a
 * timeout and a response size cap, and every failure becomes a GitHubError
 * whose kind says what the check does with it: "not-found" is an answer
 * (repository not visible), "rate-limited" and "unavailable" are retried later,
 * "refused" (401/403 without a rate limit) and "bad-response" are errors.
 */
import { getConfig } from "@/lib/config";

export const GITHUB_TIMEOUT_MS = 10_000;
export const GITHUB_MAX_RESPONSE_BYTES = 1024 * 1024;
/** A retry-after or rate-limit reset further away than this is not worth waiting for automatically. */
const MAX_WAIT_SECONDS = 3600;

export type GitHubErrorKind = "not-found" | "rate-limited" | "unavailable" | "refused" | "bad-response";

export class GitHubError extends Error {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    /** For "rate-limited": seconds until GitHub takes requests again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

export interface GitHubClientOptions {
  /** Defaults to GITHUB_API_URL. */
  baseUrl?: string;
  /** The organization's token; without one, calls are unauthenticated (public repositories only). */
  token?: string | null;
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

// GitHub's own rules for owner and repository names, and never "." or "..", so a path segment cannot climb.
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function repoPath(repository: string): string {
  const parts = repository.split("/");
  if (parts.length !== 2 || !parts.every((part) => NAME.test(part) && part !== "." && part !== "..")) {
    throw new GitHubError("not-found", `"${repository}" is not a GitHub repository name`);
  }
  return `/repos/${parts.map(encodeURIComponent).join("/")}`;
}

export class GitHubClient {
  private readonly baseUrl: URL;
  private readonly token: string | null;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: GitHubClientOptions = {}) {
    const base = options.baseUrl ?? getConfig().GITHUB_API_URL;
    // Keep a path prefix (GitHub Enterprise serves the API under /api/v3).
    this.baseUrl = new URL(base.endsWith("/") ? base : `${base}/`);
    this.token = options.token ?? null;
    this.timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? GITHUB_MAX_RESPONSE_BYTES;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** GET a path under the API (starting with "/"), parsed as JSON. */
  async get(path: string): Promise<unknown> {
    const url = new URL(path.replace(/^\//, ""), this.baseUrl);
    // The path is built from parsed names, but check anyway: nothing leaves for another host.
    if (url.origin !== this.baseUrl.origin) throw new GitHubError("bad-response", "refused to contact another host");
    const headers: Record<string, string> = { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "Cairn" };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, { headers, redirect: "error", signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new GitHubError("unavailable", timedOut ? `GitHub did not answer within ${this.timeoutMs} ms` : "GitHub could not be reached");
    }
    const body = await readCapped(response, this.maxResponseBytes);
    if (response.status === 404 || response.status === 410 || response.status === 422) {
      // 422: a commit SHA GitHub cannot resolve in that repository; to the hire it is the same as missing.
      throw new GitHubError("not-found", `GitHub answered ${response.status}`);
    }
    const wait = rateLimitWait(response);
    if (wait !== null) throw new GitHubError("rate-limited", "GitHub's rate limit was reached", wait);
    if (response.status === 401 || response.status === 403) throw new GitHubError("refused", `GitHub refused the request (${response.status})`);
    if (response.status >= 500 || response.status === 408) throw new GitHubError("unavailable", `GitHub answered ${response.status}`);
    if (response.status !== 200) throw new GitHubError("bad-response", `GitHub answered ${response.status}`);
    try {
      return JSON.parse(body);
    } catch {
      throw new GitHubError("bad-response", "GitHub's answer was not JSON");
    }
  }
}

/** Seconds to wait when the answer is a rate limit (403/429 with retry-after or an exhausted x-ratelimit-remaining), else null. */
export function rateLimitWait(response: Pick<Response, "status" | "headers">, now = Date.now()): number | null {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter !== null && /^\d{1,9}$/.test(retryAfter.trim())) return Math.min(Number(retryAfter), MAX_WAIT_SECONDS);
  const remaining = response.headers.get("x-ratelimit-remaining");
  const reset = response.headers.get("x-ratelimit-reset");
  if (remaining === "0" && reset !== null && /^\d{1,12}$/.test(reset.trim())) {
    return Math.min(Math.max(1, Math.ceil(Number(reset) - now / 1000)), MAX_WAIT_SECONDS);
  }
  // A secondary rate limit may come as 429 with neither header: GitHub asks for at least a minute.
  if (response.status === 429) return 60;
  return null;
}

/** The body as text, refusing more than `max` bytes (without reading the rest). */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    throw new GitHubError("bad-response", `GitHub's answer is over ${max} bytes`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new GitHubError("bad-response", `GitHub's answer is over ${max} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    throw new GitHubError("unavailable", "GitHub's answer was cut off");
  }
  return Buffer.concat(chunks).toString("utf8");
}
