/**
 * Smoke tests over HTTP against a running Cairn (any release): what a person
 * does first after a deploy or a rollback. Signs in with a seeded account,
 * opens the organization, reads an assignment, writes progress on one item
 * and reads it back, and checks readiness. Only the stable public surface is
 * used (next-auth's endpoints and /api/v1), so the same steps run against the
 * previous release in the rollback rehearsal (scripts/rollback-rehearsal.ts).
 */

export interface SmokeAccount {
  email: string;
  password: string;
  orgSlug: string;
  /**
   * The Origin browsers send: the public origin (NEXTAUTH_URL). Defaults to
   * `baseUrl`; differs when the server is reached directly, behind its proxy.
   */
  origin?: string;
}

export interface SmokeStep {
  name: string;
  ms: number;
}

interface Reply {
  status: number;
  text: string;
  json: unknown;
}

class SmokeFailure extends Error {}

/** One HTTP exchange; the cookie jar is the caller's. */
export async function exchange(url: string, init: RequestInit & { cookies?: Map<string, string> } = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.cookies?.size) headers.set("cookie", cookieHeader(init.cookies));
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    if (at > 0) init.cookies?.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: response.status, text, json };
}

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new SmokeFailure(`${what}: expected ${status}, got ${reply.status}: ${reply.text.slice(0, 500)}`);
}

interface AssignmentDetail {
  assignment: { id: string };
  nodes: Array<{ stableKey: string; kind: "SECTION" | "ITEM"; title: string }>;
  progress: Array<{ stableKey: string; state: string }>;
}

/** Signs in with the password form's endpoint, as the browser does; the session cookie lands in `cookies`. */
export async function signIn(baseUrl: string, account: Omit<SmokeAccount, "orgSlug">, cookies: Map<string, string>): Promise<void> {
  const origin = account.origin ?? baseUrl;
  const csrf = await exchange(`${baseUrl}/api/auth/csrf`, { cookies });
  expectStatus(csrf, 200, "GET /api/auth/csrf");
  const { csrfToken } = csrf.json as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: account.email, password: account.password, json: "true", callbackUrl: `${origin}/o` });
  const reply = await exchange(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    cookies,
  });
  if (reply.status >= 400) throw new SmokeFailure(`POST /api/auth/callback/credentials answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  if (![...cookies.keys()].some((name) => name.includes("session-token"))) throw new SmokeFailure(`no session cookie after signing in (status ${reply.status}: ${reply.text.slice(0, 300)})`);
  expectStatus(await exchange(`${baseUrl}/api/v1/me`, { cookies }), 200, "GET /api/v1/me");
}

/** The Cookie header for a jar. */
export function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Runs every step in order; throws naming the step that failed and what the server answered. */
export async function runSmokeTests(baseUrl: string, account: SmokeAccount, log: (line: string) => void = () => undefined): Promise<SmokeStep[]> {
  const cookies = new Map<string, string>();
  const api = `${baseUrl}/api/v1/o/${encodeURIComponent(account.orgSlug)}`;
  const writeHeaders = { origin: account.origin ?? baseUrl, "content-type": "application/json" };
  const steps: SmokeStep[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      const result = await run();
      steps.push({ name, ms: Date.now() - started });
      log(`  ok   ${name} (${Date.now() - started} ms)`);
      return result;
    } catch (error) {
      log(`  FAIL ${name}`);
      throw new Error(`smoke step "${name}" failed: ${(error as Error).message}`, { cause: error });
    }
  };

  await step("health: ready", async () => expectStatus(await exchange(`${baseUrl}/api/health/ready`), 200, "GET /api/health/ready"));

  await step(`sign in as ${account.email}`, () => signIn(baseUrl, account, cookies));

  await step(`open the organization ${account.orgSlug}`, async () => expectStatus(await exchange(api, { cookies }), 200, `GET ${api}`));

  const detail = await step("read an assignment", async () => {
    const list = await exchange(`${api}/assignments`, { cookies });
    expectStatus(list, 200, "GET assignments");
    const first = (list.json as { items: Array<{ id: string }> }).items[0];
    if (!first) throw new SmokeFailure(`${account.email} has no assignment in ${account.orgSlug}`);
    const reply = await exchange(`${api}/assignments/${first.id}`, { cookies });
    expectStatus(reply, 200, "GET assignment");
    return reply.json as AssignmentDetail;
  });

  const { key, state } = await step("write progress on an item", async () => {
    const states = new Map(detail.progress.map((item) => [item.stableKey, item.state]));
    // IN_PROGRESS, not DONE: an item that asks for evidence cannot be marked done without it.
    const item = detail.nodes.find((node) => node.kind === "ITEM" && (states.get(node.stableKey) ?? "NOT_STARTED") === "NOT_STARTED");
    if (!item) throw new SmokeFailure("no item left to start");
    const reply = await exchange(`${api}/assignments/${detail.assignment.id}/items/${encodeURIComponent(item.stableKey)}`, {
      method: "PUT",
      body: JSON.stringify({ state: "IN_PROGRESS" }),
      headers: writeHeaders,
      cookies,
    });
    expectStatus(reply, 200, "PUT item");
    return { key: item.stableKey, state: "IN_PROGRESS" };
  });

  await step("read the progress back", async () => {
    const reply = await exchange(`${api}/assignments/${detail.assignment.id}`, { cookies });
    expectStatus(reply, 200, "GET assignment");
    const stored = (reply.json as AssignmentDetail).progress.find((item) => item.stableKey === key);
    if (stored?.state !== state) throw new SmokeFailure(`item ${key} reads ${stored?.state ?? "NOT_STARTED"} after writing ${state}`);
  });

  return steps;
}
