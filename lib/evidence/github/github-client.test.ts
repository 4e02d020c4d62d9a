import { describe, expect, it } from "vitest";
import { GitHubClient, GitHubError, rateLimitWait, repoPath } from "./github-client";

const respond = (status: number, body: string, headers: Record<string, string> = {}) => (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

async function failure(client: GitHubClient, path = "/repos/a/b/pulls/1"): Promise<GitHubError> {
  try {
    await client.get(path);
  } catch (error) {
    if (error instanceof GitHubError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("the GitHub client", () => {
  it("builds paths only from repository names, never climbing out", () => {
    expect(repoPath("acme/api.js")).toBe("/repos/acme/api.js");
    for (const bad of ["acme/..", "../x", "a/b/c", "acme/", "a b/c", "acme/%2e%2e"]) expect(() => repoPath(bad), bad).toThrow(GitHubError);
  });

  it("contacts only the configured host, with a prefix kept", async () => {
    const seen: string[] = [];
    const fetchSpy = (async (url: URL) => {
      seen.push(String(url));
      return new Response("{}", { status: 200 });
    }) as unknown as typeof fetch;
    await new GitHubClient({ baseUrl: "https://ghe.example.com/api/v3", fetch: fetchSpy }).get("/repos/a/b/pulls/1");
    expect(seen).toEqual(["https://ghe.example.com/api/v3/repos/a/b/pulls/1"]);
    expect((await failure(new GitHubClient({ baseUrl: "https://api.github.com", fetch: fetchSpy }), "https://evil.example/x")).message).toContain("another host");
  });

  it("sorts GitHub's answers into what the check does with them", async () => {
    const client = (status: number, headers: Record<string, string> = {}, body = "{}") => new GitHubClient({ baseUrl: "https://api.github.com", fetch: respond(status, body, headers) });
    expect((await failure(client(404))).kind).toBe("not-found");
    expect((await failure(client(502))).kind).toBe("unavailable");
    expect((await failure(client(401))).kind).toBe("refused");
    expect((await failure(client(403))).kind).toBe("refused");
    const limited = await failure(client(429, { "retry-after": "7" }));
    expect([limited.kind, limited.retryAfterSeconds]).toEqual(["rate-limited", 7]);
    expect((await failure(client(200, {}, "not json"))).kind).toBe("bad-response");
    // Over the size cap, declared or streamed.
    const big = new GitHubClient({ baseUrl: "https://api.github.com", maxResponseBytes: 10, fetch: respond(200, JSON.stringify({ a: "x".repeat(100) })) });
    expect((await failure(big)).kind).toBe("bad-response");
  });

  it("times out", async () => {
    const hanging = ((_url: URL, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    const error = await failure(new GitHubClient({ baseUrl: "https://api.github.com", timeoutMs: 20, fetch: hanging }));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("20 ms");
  });

  it("reads rate limits from retry-after or x-ratelimit-reset", () => {
    const now = 1_700_000_000_000;
    const answer = (status: number, headers: Record<string, string>) => ({ status, headers: new Headers(headers) });
    expect(rateLimitWait(answer(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 30) }), now)).toBe(30);
    expect(rateLimitWait(answer(403, { "x-ratelimit-remaining": "5" }), now)).toBeNull();
    expect(rateLimitWait(answer(429, {}), now)).toBe(60);
    expect(rateLimitWait(answer(429, { "retry-after": "99999999" }), now)).toBe(3600);
    expect(rateLimitWait(answer(500, { "retry-after": "5" }), now)).toBeNull();
  });
});
