/**
 * Bodies are bounded and authorized before they are read (issue 13):
 * - next-auth's routes (/api/auth/*) read any POST body whole, for anyone: a 10 MB body to
 *   the credentials callback is now a 413 in the envelope, and only a bounded part of it
 *   is ever pulled from the client;
 * - an evidence upload by someone who is not the assignee was read (up to 25 MB) and its
 *   files written to the storage before the assignee check: it is now refused before the
 *   first byte of the body, and the storage is untouched.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { boundedAuthRequest } from "@/lib/auth/bounded-auth-request";
import { POST as submitRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/evidence/route";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { AUTH_BODY_LIMIT_BYTES } from "@/lib/security/limits";
import { randomClientIp, TEST_ORIGIN } from "../support/call-route";
import { captureLogs } from "../support/capture-logs";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg } from "../evidence/evidence-fixture";

const logs = captureLogs();
let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const CHUNK = 64 * 1024;

/** A body of `total` bytes handed out one chunk per read, counting what the server pulled. */
function countedBody(total: number, source?: ReadableStream<Uint8Array>) {
  const counter = { pulled: 0 };
  const reader = source?.getReader();
  let remaining = total;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: Uint8Array | undefined;
        if (reader) {
          const next = await reader.read();
          chunk = next.done ? undefined : next.value;
        } else if (remaining > 0) {
          chunk = new Uint8Array(Math.min(CHUNK, remaining)).fill(0x61);
          remaining -= chunk.byteLength;
        }
        if (!chunk) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 }, // nothing is pulled until the server reads
  );
  return { stream, counter };
}

const TEN_MB = 10 * 1024 * 1024;

function credentialsCallback(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: TEST_ORIGIN, [CLIENT_IP_HEADER]: randomClientIp(), ...headers },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1] & { duplex: "half" });
  return nextAuthPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
}

describe("next-auth's routes bound the body before next-auth reads it", () => {
  it("refuses a declared 10 MB body with 413 in the envelope without reading any of it", async () => {
    const { stream, counter } = countedBody(TEN_MB);
    const response = await credentialsCallback(stream, { "content-length": String(TEN_MB), "x-request-id": "auth-413-declared-01" });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining(`${AUTH_BODY_LIMIT_BYTES}-byte limit`), details: { limitBytes: AUTH_BODY_LIMIT_BYTES }, requestId: "auth-413-declared-01" },
    });
    expect(counter.pulled).toBe(0);
    expect(logs.lines().find((line) => line.requestId === "auth-413-declared-01")).toMatchObject({ msg: "request", status: 413, path: "/api/auth/callback/credentials" });
  });

  it("refuses a streamed 10 MB body (no Content-Length) once it passes the limit, having pulled no more than one chunk beyond it", async () => {
    const { stream, counter } = countedBody(TEN_MB);
    const response = await credentialsCallback(stream);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeGreaterThan(AUTH_BODY_LIMIT_BYTES);
    expect(counter.pulled).toBeLessThanOrEqual(AUTH_BODY_LIMIT_BYTES + CHUNK);
  });

  it("hands next-auth a request holding a small body whole, as next-auth reads it", async () => {
    // next-auth's App Router handler needs a live Next.js request (next/headers), so this stops
    // at the request it gets: its body as next-auth reads it, and its nextUrl. (Every browser
    // test's sign-in goes all the way through.)
    const fields = { csrfToken: "abc", email: "ann@example.test", password: "pässword 1234", json: "true", callbackUrl: "/o" };
    const encoded = new TextEncoder().encode(new URLSearchParams(fields).toString());
    const { stream } = countedBody(0, new Response(encoded).body!);
    const original = new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials?x=1`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(encoded.byteLength) },
      body: stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1] & { duplex: "half" });
    const bounded = await boundedAuthRequest(original);
    expect(bounded).toBeInstanceOf(NextRequest);
    const request = bounded as NextRequest;
    expect(request.method).toBe("POST");
    expect(request.nextUrl.pathname).toBe("/api/auth/callback/credentials");
    expect(Object.fromEntries(request.nextUrl.searchParams)).toEqual({ x: "1" });
    // next-auth's getBody (next-auth/next/utils, not exported): a form body through URLSearchParams(await req.text()).
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await request.text()))).toEqual(fields);
    // A GET (next-auth reads no body) passes as it came.
    const get = new NextRequest(`${TEST_ORIGIN}/api/auth/csrf`);
    expect(await boundedAuthRequest(get)).toBe(get);
  });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** The files the local storage holds for an organization (tests store under UPLOADS_DIR). */
function storedFiles(organizationId: string): string[] {
  const directory = path.join(getConfig().UPLOADS_DIR, "evidence", organizationId);
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => !name.startsWith(".")) : [];
}

/** A multipart upload of a 5 MB image through the real route, its body counted as it is read. */
async function upload(org: Awaited<ReturnType<typeof assignedOrg>>, cookie: string) {
  const form = new FormData();
  form.set("note", "My work.");
  const big = new Uint8Array(5 * 1024 * 1024);
  big.set(PNG);
  form.append("files", new File([big], "screen.png"));
  const encoded = new Response(form);
  const { stream, counter } = countedBody(0, encoded.body!);
  const key = org.key("Loops");
  const request = new Request(`${TEST_ORIGIN}/api/v1/o/${org.slug}/assignments/${org.assignmentId}/items/${key}/evidence`, {
    method: "POST",
    headers: { cookie, origin: TEST_ORIGIN, "content-type": encoded.headers.get("content-type")!, [CLIENT_IP_HEADER]: randomClientIp() },
    body: stream,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  const response = await submitRoute(request, { params: Promise.resolve({ orgSlug: org.slug, assignmentId: org.assignmentId, key }) });
  return { status: response.status, json: (await response.json()) as { error?: { code: string } }, pulled: counter.pulled };
}

describe("evidence uploads are authorized before the body is read", () => {
  it("refuses a mentor (403) and someone who does not see the assignment (404) before reading the upload, and stores nothing", async () => {
    const org = await assignedOrg();
    const attemptsBefore = await getDb().evidenceAttempt.count({ where: { assignmentId: org.assignmentId } });

    const byMentor = await upload(org, org.mentor.cookie);
    expect([byMentor.status, byMentor.json.error?.code]).toEqual([403, "FORBIDDEN"]);
    expect(byMentor.pulled).toBe(0);

    const byAdmin = await upload(org, org.admin.cookie);
    expect([byAdmin.status, byAdmin.json.error?.code]).toEqual([403, "FORBIDDEN"]);
    expect(byAdmin.pulled).toBe(0);

    const byStranger = await upload(org, org.otherHire.cookie);
    expect([byStranger.status, byStranger.json.error?.code]).toEqual([404, "NOT_FOUND"]);
    expect(byStranger.pulled).toBe(0);

    expect(storedFiles(org.organization.id)).toEqual([]);
    expect(await getDb().evidenceAttempt.count({ where: { assignmentId: org.assignmentId } })).toBe(attemptsBefore);
  });

  it("reads the assignee's upload whole and stores it", async () => {
    const org = await assignedOrg();
    const byHire = await upload(org, org.hire.cookie);
    expect(byHire.status).toBe(201);
    expect(byHire.pulled).toBeGreaterThan(5 * 1024 * 1024);
    expect(storedFiles(org.organization.id)).toHaveLength(1);
  });
});
