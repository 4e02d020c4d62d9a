/**
 * A fake GitHub REST API on loopback for evidence checks (decision 0034): point
 * GITHUB_API_URL at `url`. It serves what the checks read, in GitHub's shapes:
 *   GET /repos/{owner}/{repo}/pulls/{number}
 *   GET /repos/{owner}/{repo}/commits/{sha}
 *   GET /repos/{owner}/{repo}/commits/{sha}/status
 *   GET /repos/{owner}/{repo}/commits/{sha}/check-runs
 * A private repository answers 404 unless the request carries one of its
 * tokens (as GitHub hides private repositories). `rateLimitNext` and
 * `failNext` make the next requests answer a rate limit (403 with
 * x-ratelimit-remaining 0 and x-ratelimit-reset, or 429 with retry-after) or
 * a 5xx. Requests are recorded. Playwright tests in another process set it up
 * over HTTP:
 *   POST   /__fixtures   { pulls?: FakePull[], commits?: FakeCommit[] } adds them
 *   GET    /__requests   the recorded requests
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUser {
  login: string;
  id: number;
}

export interface FakeChecks {
  statuses?: Array<"success" | "failure" | "error" | "pending">;
  runs?: Array<{ status: "queued" | "in_progress" | "completed"; conclusion?: string | null; name?: string }>;
}

export interface FakePull {
  repository: string;
  number: number;
  author: FakeUser;
  state?: "open" | "closed";
  merged?: boolean;
  mergedBy?: FakeUser;
  mergedAt?: string;
  headSha?: string;
  title?: string;
  checks?: FakeChecks;
  /** Only requests with one of these tokens see the repository. */
  privateTokens?: string[];
}

export interface FakeCommit {
  repository: string;
  sha: string;
  /** null: the commit's email matches no GitHub account. */
  author: FakeUser | null;
  message?: string;
  date?: string;
  checks?: FakeChecks;
  privateTokens?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL (no trailing slash). */
  url: string;
  addPull(pull: FakePull): FakePull & { headSha: string };
  addCommit(commit: FakeCommit): void;
  /** The next `count` requests answer GitHub's rate limit: 403 with a reset `resetInSeconds` away, or 429 with retry-after. */
  rateLimitNext(count: number, options?: { status?: 403 | 429; resetInSeconds?: number }): void;
  /** The next `count` requests answer `status` (default 502). */
  failNext(count: number, status?: number): void;
  requests(): RecordedRequest[];
  stop(): Promise<void>;
}

let shaCounter = 0;
export function fakeSha(): string {
  shaCounter += 1;
  return `${Date.now().toString(16)}${process.pid.toString(16)}${shaCounter.toString(16)}`.padEnd(40, "a").slice(0, 40);
}

export async function startFakeGitHub(options: { port?: number } = {}): Promise<FakeGitHub> {
  const pulls = new Map<string, FakePull & { headSha: string }>();
  const commits = new Map<string, FakeCommit>();
  /** sha → its checks and the tokens that see its repository. */
  const checksBySha = new Map<string, { checks: FakeChecks; privateTokens?: string[] }>();
  const recorded: RecordedRequest[] = [];
  let rateLimited: { count: number; status: 403 | 429; resetInSeconds: number } = { count: 0, status: 403, resetInSeconds: 60 };
  let failing = { count: 0, status: 502 };

  const key = (repository: string, id: string | number) => `${repository.toLowerCase()}#${id}`;

  function addPull(pull: FakePull) {
    const stored = { ...pull, headSha: pull.headSha ?? fakeSha() };
    pulls.set(key(pull.repository, pull.number), stored);
    checksBySha.set(stored.headSha, { checks: pull.checks ?? {}, privateTokens: pull.privateTokens });
    return stored;
  }
  function addCommit(commit: FakeCommit) {
    commits.set(key(commit.repository, commit.sha), commit);
    checksBySha.set(commit.sha, { checks: commit.checks ?? {}, privateTokens: commit.privateTokens });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: error instanceof Error ? error.message : String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-github.local");
    if (url.pathname === "/__fixtures" && request.method === "POST") {
      const body = JSON.parse(await readBody(request)) as { pulls?: FakePull[]; commits?: FakeCommit[] };
      const added = (body.pulls ?? []).map(addPull);
      for (const commit of body.commits ?? []) addCommit(commit);
      return send(response, 200, { pulls: added });
    }
    if (url.pathname === "/__requests") return send(response, 200, recorded);

    const authorization = request.headers.authorization ?? null;
    recorded.push({ method: request.method ?? "GET", path: url.pathname + url.search, authorization });
    if (rateLimited.count > 0) {
      rateLimited.count -= 1;
      const reset = Math.ceil(Date.now() / 1000) + rateLimited.resetInSeconds;
      const headers: Record<string, string> =
        rateLimited.status === 429
          ? { "retry-after": String(rateLimited.resetInSeconds) }
          : { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) };
      return send(response, rateLimited.status, { message: "API rate limit exceeded" }, headers);
    }
    if (failing.count > 0) {
      failing.count -= 1;
      return send(response, failing.status, { message: "Server Error" });
    }
    if (request.method !== "GET") return send(response, 404, { message: "Not Found" });
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? null;
    const visible = (privateTokens?: string[]) => !privateTokens || (token !== null && privateTokens.includes(token));

    const match = /^\/repos\/([^/]+)\/([^/]+)\/(pulls\/(\d+)|commits\/([0-9a-f]+)(\/status|\/check-runs)?)$/.exec(url.pathname);
    if (!match) return send(response, 404, { message: "Not Found" });
    const repository = `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`;
    if (match[4]) {
      const pull = pulls.get(key(repository, match[4]));
      if (!pull || !visible(pull.privateTokens)) return send(response, 404, { message: "Not Found" });
      return send(response, 200, pullJson(pull));
    }
    const sha = match[5]!;
    if (match[6]) {
      const entry = checksBySha.get(sha);
      if (!entry || !visible(entry.privateTokens)) return send(response, 404, { message: "Not Found" });
      if (match[6] === "/status") {
        const statuses = (entry.checks.statuses ?? []).map((state, index) => ({ state, context: `ci/${index}` }));
        return send(response, 200, { state: statuses.some((s) => s.state !== "success") ? "pending" : "success", total_count: statuses.length, statuses, sha });
      }
      const runs = (entry.checks.runs ?? []).map((run, index) => ({ id: index + 1, name: run.name ?? `check ${index + 1}`, status: run.status, conclusion: run.conclusion ?? null }));
      return send(response, 200, { total_count: runs.length, check_runs: runs });
    }
    const commit = [...commits.values()].find((candidate) => candidate.repository.toLowerCase() === repository.toLowerCase() && candidate.sha.startsWith(sha));
    if (!commit || !visible(commit.privateTokens)) return send(response, 404, { message: "Not Found" });
    return send(response, 200, {
      sha: commit.sha,
      html_url: `https://github.com/${commit.repository}/commit/${commit.sha}`,
      author: commit.author ? { login: commit.author.login, id: commit.author.id, type: "User" } : null,
      commit: { message: commit.message ?? "A commit", author: { name: "Someone", email: "someone@example.test", date: commit.date ?? "2026-01-05T10:00:00Z" } },
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    addPull,
    addCommit,
    rateLimitNext: (count, limit = {}) => {
      rateLimited = { count, status: limit.status ?? 403, resetInSeconds: limit.resetInSeconds ?? 60 };
    },
    failNext: (count, status = 502) => {
      failing = { count, status };
    },
    requests: () => [...recorded],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function pullJson(pull: FakePull & { headSha: string }) {
  const merged = pull.merged ?? false;
  return {
    number: pull.number,
    title: pull.title ?? `Pull request ${pull.number}`,
    html_url: `https://github.com/${pull.repository}/pull/${pull.number}`,
    state: merged ? "closed" : (pull.state ?? "open"),
    user: { login: pull.author.login, id: pull.author.id, type: "User" },
    merged,
    merged_at: merged ? (pull.mergedAt ?? "2026-01-06T12:00:00Z") : null,
    merged_by: merged ? (pull.mergedBy ?? { login: "maintainer", id: 1 }) : null,
    head: { sha: pull.headSha, ref: "feature" },
    base: { ref: "main", repo: { full_name: pull.repository } },
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new Error("fixture body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
