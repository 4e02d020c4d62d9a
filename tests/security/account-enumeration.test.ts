/**
 * No answer says whether an address has an account (decision 0017): sign-up,
 * password-reset and sign-in-link requests answer a known and an unknown
 * address with the same status and body, and do the same work in the request
 * (the same SQL statements, in the same order): the look-up happens in the job.
 * Timing is measured nowhere here (no timed assertions); identical statements
 * are what makes the time the same. The jobs do not run in this file (no
 * workers), so nothing they do is counted.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as passwordResetRoute } from "@/app/api/v1/password-resets/route";
import { POST as signInLinkRoute } from "@/app/api/v1/sign-in-links/route";
import { hashPassword } from "@/lib/auth/password-hash";
import { authOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db/client";
import type { RouteHandler } from "@/lib/http/handle";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { callRoute, randomClientIp } from "../support/call-route";
import { countQueries } from "../support/count-queries";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

const unique = () => randomUUID().slice(0, 8);

let queue: JobQueue;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

async function knownAddress() {
  const email = `known-${unique()}@example.test`;
  await getDb().user.create({ data: { email, name: "Known Person", passwordHash: await hashPassword("orchid lantern basalt 71"), emailVerified: new Date() } });
  return email;
}

/** One request, as the browser sends it: status, body, and the SQL the request ran. */
async function observe(route: RouteHandler, email: string) {
  const { result, statements } = await countQueries(() => callRoute(route, { body: { email } }));
  return { status: result.status, json: result.json, statements };
}

describe.each([
  ["POST /api/v1/accounts (sign-up)", signUpRoute],
  ["POST /api/v1/password-resets", passwordResetRoute],
  ["POST /api/v1/sign-in-links", signInLinkRoute],
])("%s", (_name, route) => {
  it("answers a known and an unknown address alike, running the same statements", async () => {
    const known = await knownAddress();
    // Warm-up: first-use work (connections, limiter set-up) is not the request's.
    await observe(route, `warm-up-${unique()}@example.test`);

    const forUnknown = await observe(route, `nobody-${unique()}@example.test`);
    const forKnown = await observe(route, known);
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.json).toEqual(forKnown.json);
    expect(forKnown.statements.length).toBeGreaterThan(0);
    expect(forUnknown.statements).toEqual(forKnown.statements);
    // The account was not looked up in the request.
    expect(forKnown.statements.some((statement) => /FROM "public"\."User"|FROM "User"/.test(statement))).toBe(false);
  });
});

describe("password sign-in (next-auth's credentials authorize)", () => {
  it("runs the same statements for a wrong password on a known address as on an unknown one", async () => {
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> } };
    const attempt = (email: string) => countQueries(() => provider.options.authorize({ email, password: "wrong guess 123" }, { headers: { [CLIENT_IP_HEADER]: randomClientIp() } }));
    const known = await knownAddress();
    await attempt(`warm-up-${unique()}@example.test`);
    const forUnknown = await attempt(`nobody-${unique()}@example.test`);
    const forKnown = await attempt(known);
    expect([forKnown.result, forUnknown.result]).toEqual([null, null]);
    expect(forUnknown.statements).toEqual(forKnown.statements);
  });
});
