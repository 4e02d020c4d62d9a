/**
 * Rate limits declared on endpoints: the gate counts them after validation and
 * before the handler, answers 429 RATE_LIMITED with Retry-After in the envelope,
 * and lets the caller through again once the window has passed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { POST as passwordResetRoute } from "@/app/api/v1/password-resets/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { defineEndpoint } from "@/lib/http/endpoint";
import { handle } from "@/lib/http/handle";
import { PASSWORD_RESET_RATE_LIMITS, SIGN_UP_RATE_LIMITS } from "@/lib/security/limits";
import { callRoute, randomClientIp } from "../support/call-route";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

const unique = () => randomUUID().slice(0, 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A test endpoint with its own counters (unique names), counting how often its handler ran. */
function limitedEndpoint(limits: { ipPoints: number; emailPoints: number; durationSeconds: number }) {
  const calls = { count: 0 };
  const suffix = unique();
  const route = handle(
    defineEndpoint({
      method: "POST",
      path: "/api/v1/test/limited",
      operationId: "testLimited",
      summary: "Limited",
      tags: ["Test"],
      auth: "public",
      body: z.strictObject({ email: z.email(), invitees: z.array(z.string()).default([]) }),
      rateLimits: [
        { name: `test-gate-ip-${suffix}`, points: limits.ipPoints, durationSeconds: limits.durationSeconds, key: "ip" },
        { name: `test-gate-email-${suffix}`, points: limits.emailPoints, durationSeconds: limits.durationSeconds, key: ({ body }) => body.email },
      ],
      response: { status: 202, description: "Accepted.", schema: z.object({ ok: z.boolean() }) },
    }),
    async () => {
      calls.count += 1;
      return { ok: true };
    },
  );
  return { route, calls };
}

// Sign-up enqueues the verification email in its transaction: the queue must exist (no workers needed).
let queue: JobQueue;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

describe("rate limits declared on an endpoint", () => {
  it("answers 429 in the envelope with Retry-After once the points are spent, without running the handler", async () => {
    const { route, calls } = limitedEndpoint({ ipPoints: 2, emailPoints: 100, durationSeconds: 60 });
    const call = () => callRoute(route, { clientIp: "198.51.100.7", body: { email: `a-${unique()}@example.test` } });
    expect((await call()).status).toBe(202);
    expect((await call()).status).toBe(202);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({
      error: { code: "RATE_LIMITED", message: expect.stringMatching(/Too many requests\. Try again in 1 minute\./), details: { retryAfterSeconds: expect.any(Number) }, requestId: expect.any(String) },
    });
    const retryAfter = Number(refused.response.headers.get("retry-after"));
    expect(retryAfter).toBe(refused.json!.error.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.response.headers.get("cache-control")).toBe("no-store");
    expect(calls.count).toBe(2);
  });

  it("lets the caller through again after the window", async () => {
    const { route, calls } = limitedEndpoint({ ipPoints: 1, emailPoints: 100, durationSeconds: 1 });
    const call = () => callRoute(route, { clientIp: "198.51.100.8", body: { email: "window@example.test" } });
    expect((await call()).status).toBe(202);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toBe("1");
    await sleep(1100);
    expect((await call()).status).toBe(202);
    expect(calls.count).toBe(2);
  });

  it("keeps per-IP and per-email counters independent", async () => {
    const { route } = limitedEndpoint({ ipPoints: 3, emailPoints: 2, durationSeconds: 60 });
    const call = (clientIp: string, email: string) => callRoute(route, { clientIp, body: { email } });

    // One email from many addresses trips the email limit only.
    expect((await call("198.51.100.21", "target@example.test")).status).toBe(202);
    expect((await call("198.51.100.22", "target@example.test")).status).toBe(202);
    expect((await call("198.51.100.23", "target@example.test")).status).toBe(429);
    expect((await call("198.51.100.23", "other@example.test")).status).toBe(202);

    // Many emails from one address trip the IP limit only.
    expect((await call("198.51.100.30", "one@example.test")).status).toBe(202);
    expect((await call("198.51.100.30", "two@example.test")).status).toBe(202);
    expect((await call("198.51.100.30", "three@example.test")).status).toBe(202);
    expect((await call("198.51.100.30", "four@example.test")).status).toBe(429);
    expect((await call("198.51.100.31", "four@example.test")).status).toBe(202);
  });

  it("counts IPv6 clients by their /64, so rotating addresses within it does not help", async () => {
    const { route } = limitedEndpoint({ ipPoints: 2, emailPoints: 100, durationSeconds: 60 });
    const call = (clientIp: string) => callRoute(route, { clientIp, body: { email: `v6-${unique()}@example.test` } });
    expect((await call("2001:db8:1:2::1")).status).toBe(202);
    expect((await call("2001:db8:1:2:ffff::9")).status).toBe(202);
    expect((await call("2001:db8:1:2:abcd:1:2:3")).status).toBe(429);
    expect((await call("2001:db8:1:3::1")).status).toBe(202);
  });

  it("does not count requests that fail validation", async () => {
    const { route, calls } = limitedEndpoint({ ipPoints: 1, emailPoints: 100, durationSeconds: 60 });
    for (let i = 0; i < 3; i++) {
      expect((await callRoute(route, { clientIp: "198.51.100.40", body: { email: "not an email" } })).status).toBe(422);
    }
    expect((await callRoute(route, { clientIp: "198.51.100.40", body: { email: "valid@example.test" } })).status).toBe(202);
    expect(calls.count).toBe(1);
  });

  it("is documented: the OpenAPI document lists 429 for a rate-limited endpoint", async () => {
    const { json } = await callRoute(openApiRoute);
    expect(json!.paths["/api/v1/accounts"].post.responses["429"]).toBeDefined();
    expect(json!.paths["/api/v1/me"].get.responses["429"]).toBeUndefined();
  });
});

describe("sign-up is rate limited per IP", () => {
  const signUpInput = () => ({ email: `signup-${unique()}@example.test` });
  const signUpTokens = (email: string) => getDb().verificationToken.count({ where: { identifier: `sign-up:${email}` } });

  it("refuses the sign-up after the limit from one address, issuing nothing, while other addresses still sign up", async () => {
    const limit = SIGN_UP_RATE_LIMITS.find((candidate) => candidate.name === "sign-up:ip")!;
    const clientIp = randomClientIp();
    for (let i = 0; i < limit.points; i++) {
      expect((await callRoute(signUpRoute, { clientIp, body: signUpInput() })).status).toBe(202);
    }
    const refusedInput = signUpInput();
    const refused = await callRoute(signUpRoute, { clientIp, body: refusedInput });
    expect(refused.status).toBe(429);
    expect(refused.json!.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(limit.durationSeconds - 60);
    expect(await signUpTokens(refusedInput.email)).toBe(0);

    expect((await callRoute(signUpRoute, { clientIp: randomClientIp(), body: signUpInput() })).status).toBe(202);

    // Counters are per endpoint: the refused address still reaches endpoints without limits.
    const { user } = await createOrgWithMember();
    const cookie = await sessionCookieFor(user);
    for (let i = 0; i < 15; i++) expect((await callRoute(meRoute, { cookie, clientIp })).status).toBe(200);
  });
});

describe("password reset requests are rate limited per email and per IP", () => {
  it("refuses a 4th request for one email within the hour, from any address, and an address's 11th request", async () => {
    const [perIp, perEmail] = PASSWORD_RESET_RATE_LIMITS;
    const email = `reset-${unique()}@example.test`;
    for (let i = 0; i < perEmail!.points; i++) expect((await callRoute(passwordResetRoute, { body: { email } })).status).toBe(202);
    const refused = await callRoute(passwordResetRoute, { body: { email: ` ${email.toUpperCase()} ` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);

    const clientIp = randomClientIp();
    for (let i = 0; i < perIp!.points; i++) {
      expect((await callRoute(passwordResetRoute, { clientIp, body: { email: `reset-${unique()}@example.test` } })).status).toBe(202);
    }
    expect((await callRoute(passwordResetRoute, { clientIp, body: { email: `reset-${unique()}@example.test` } })).status).toBe(429);
  });
});
