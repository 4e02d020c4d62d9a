/**
 * The database failing under the API, for real (a proxy between the app's pool and
 * PostgreSQL that the test cuts, hangs and restores; a second connection holding a
 * lock): every request answers 503 SERVICE_UNAVAILABLE with a Retry-After, within its
 * budget, never a 500 INTERNAL and never a wait without end; and answers normally again
 * once the database is back.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { GET as readiness } from "@/app/api/health/ready/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getOrganization, PATCH as renameOrganization } from "@/app/api/v1/o/[orgSlug]/route";
import { pageFailureKind } from "@/components/layout/service-status";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { databaseBehindProxy, useDatabase } from "../support/proxied-database";
import type { DatabaseBudget } from "../support/proxied-database";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";

const database = databaseBehindProxy();
const fileDatabaseUrl = database.fileDatabaseUrl;

/** The answer, or "no answer" when none came within `ms` (a request left waiting on the database). */
async function within<T>(ms: number, task: Promise<T>): Promise<{ value: T; elapsedMs: number } | "no answer"> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"no answer">((resolve) => (timer = setTimeout(() => resolve("no answer"), ms)));
  try {
    return await Promise.race([task.then((value) => ({ value, elapsedMs: performance.now() - started })), late]);
  } finally {
    clearTimeout(timer);
  }
}

function expectUnavailable(answer: Awaited<ReturnType<typeof callRoute>>, retryAfter: string) {
  expect(answer.status).toBe(503);
  expect(answer.json).toEqual({
    error: { code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/try again/i), details: { retryAfterSeconds: Number(retryAfter) }, requestId: expect.any(String) },
  });
  expect(answer.response.headers.get("retry-after")).toBe(retryAfter);
  // Nothing of the driver's error (hosts, ports, SQL) leaves the server.
  expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONN|timeout exceeded|statement timeout|lock/i);
}

describe("the database unavailable", () => {
  it("answers 503 with Retry-After at once when PostgreSQL goes away, and 200 again once it is back", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    await useDatabase(database.proxy.url);
    expect((await callRoute(getMe, { cookie })).status).toBe(200);

    // Pooled connections are severed and new ones refused, as when PostgreSQL stops.
    await database.proxy.cut();
    for (const call of [
      () => callRoute(getMe, { cookie }),
      () => callRoute(getOrganization, { cookie, params: { orgSlug: organization.slug }, path: `/api/v1/o/${organization.slug}` }),
      () => callRoute(renameOrganization, { cookie, params: { orgSlug: organization.slug }, path: `/api/v1/o/${organization.slug}`, body: { name: "Renamed while down" } }),
      // Twice: the second finds no pooled connection and is refused when connecting.
      () => callRoute(getMe, { cookie }),
    ]) {
      const answer = await within(3_000, call());
      expect(answer).not.toBe("no answer");
      if (answer === "no answer") return;
      expectUnavailable(answer.value, "5");
      expect(answer.elapsedMs).toBeLessThan(2_000);
    }

    await database.proxy.restore();
    const back = await callRoute(getMe, { cookie });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ user: { id: user.id } });
  });

  it("answers 503 within the connect budget when PostgreSQL accepts connections and never answers", async () => {
    const { user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    database.proxy.hang();
    await useDatabase(database.proxy.url, { DB_CONNECT_TIMEOUT_MS: "500" });
    const answer = await within(5_000, callRoute(getMe, { cookie }));
    expect(answer).not.toBe("no answer");
    if (answer === "no answer") return;
    expectUnavailable(answer.value, "5");
    expect(answer.elapsedMs).toBeLessThan(2_500);
  });
});

describe("the database hanging mid-statement", () => {
  it("answers 503 once the statement budget (and the client's margin) is spent, then recovers", async () => {
    const { user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    await useDatabase(database.proxy.url, { DB_STATEMENT_TIMEOUT_MS: "500" });
    // Pooled connections exist and then stop answering: no cancellation can come back from the server.
    expect((await callRoute(getMe, { cookie })).status).toBe(200);
    database.proxy.hang();
    const answer = await within(10_000, callRoute(getMe, { cookie }));
    expect(answer).not.toBe("no answer");
    if (answer === "no answer") return;
    expectUnavailable(answer.value, "5");
    expect(answer.elapsedMs).toBeLessThan(4_000);

    await database.proxy.restore();
    const back = await within(10_000, callRoute(getMe, { cookie }));
    expect(back).not.toBe("no answer");
    if (back !== "no answer") expect(back.value.status).toBe(200);
  });

  it("does not lose a pooled connection whose transaction hung: the next request gets a fresh one", async () => {
    const { user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    // One pooled connection: whatever the failed transaction leaves in the pool, the next request gets.
    process.env.DATABASE_POOL_SIZE = "1";
    try {
      await useDatabase(database.proxy.url, { DB_STATEMENT_TIMEOUT_MS: "500" });
      expect((await callRoute(getMe, { cookie })).status).toBe(200);
      // An interactive transaction (as Prisma's writes run) whose connection hangs after BEGIN.
      const failed = await getDb()
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          database.proxy.hang();
          return tx.$queryRaw`SELECT 2`;
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).not.toBeNull();
      // The database answers again, but that connection's peer is gone for good.
      await database.proxy.restore({ endHung: false });
      const next = await within(10_000, callRoute(getMe, { cookie }));
      expect(next).not.toBe("no answer");
      if (next !== "no answer") expect(next.value.status).toBe(200);
    } finally {
      delete process.env.DATABASE_POOL_SIZE;
    }
  });
});

describe("a page that failed", () => {
  /** The browser's fetch of the readiness probe, answered by the real route. */
  const viaReadinessRoute = async (path: string) => (await callRoute(readiness, { path })).response;

  it("says Cairn is temporarily unavailable when the database is down, and not otherwise", async () => {
    await useDatabase(database.proxy.url);
    expect(await pageFailureKind(viaReadinessRoute)).toBe("error");
    await database.proxy.cut();
    expect(await pageFailureKind(viaReadinessRoute)).toBe("unavailable");
    await database.proxy.restore();
    expect(await pageFailureKind(viaReadinessRoute)).toBe("error");
  });
});

describe("the database holding a request up", () => {
  /** A second connection that takes the organization's row lock and keeps it until released. */
  async function holdOrganizationLock(organizationId: string): Promise<() => Promise<void>> {
    const holder = new pg.Client({ connectionString: fileDatabaseUrl });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Organization" WHERE id = $1 FOR UPDATE`, [organizationId]);
    return async () => {
      await holder.query("ROLLBACK").catch(() => undefined);
      await holder.end();
    };
  }

  /** An owner renames their organization while another connection holds its row: a 503 within 3 s, whichever budget runs out. */
  async function renameBehindLock(budget: DatabaseBudget, name: string) {
    const { organization, user } = await createOrgWithMember("OWNER");
    const cookie = await sessionCookieFor(user);
    await useDatabase(fileDatabaseUrl, budget);
    const release = await holdOrganizationLock(organization.id);
    try {
      const rename = callRoute(renameOrganization, { cookie, params: { orgSlug: organization.slug }, path: `/api/v1/o/${organization.slug}`, body: { name } });
      const answer = await within(10_000, rename);
      expect(answer).not.toBe("no answer");
      if (answer !== "no answer") {
        expectUnavailable(answer.value, "2");
        expect(answer.elapsedMs).toBeLessThan(3_000);
      }
    } finally {
      await release();
    }
    return { organization, cookie };
  }

  it("gives up waiting for a lock after DB_LOCK_TIMEOUT_MS and answers 503 (55P03), leaving the row as it was", async () => {
    const { organization, cookie } = await renameBehindLock({ DB_LOCK_TIMEOUT_MS: "500" }, "Renamed behind a lock");
    const after = await callRoute(getOrganization, { cookie, params: { orgSlug: organization.slug }, path: `/api/v1/o/${organization.slug}` });
    expect(after.json).toMatchObject({ name: organization.name });
  });

  it("cancels a statement past DB_STATEMENT_TIMEOUT_MS and answers 503 (57014)", async () => {
    // A lock budget longer than the statement's: the statement budget is what runs out.
    await renameBehindLock({ DB_STATEMENT_TIMEOUT_MS: "700", DB_LOCK_TIMEOUT_MS: "60000" }, "Renamed too slowly");
  });

  it("applies the budgets to every pooled connection, Prisma's and plain SQL's", async () => {
    await useDatabase(fileDatabaseUrl, { DB_STATEMENT_TIMEOUT_MS: "4321", DB_LOCK_TIMEOUT_MS: "1234" });
    const { getPool } = await import("@/lib/db/client");
    const [viaPrisma] = await getDb().$queryRaw<{ statement_timeout: string; lock_timeout: string }[]>`
      SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('lock_timeout') AS lock_timeout`;
    expect(viaPrisma).toEqual({ statement_timeout: "4321ms", lock_timeout: "1234ms" });
    const clients = await Promise.all([getPool().connect(), getPool().connect()]);
    try {
      for (const client of clients) {
        const { rows } = await client.query("SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l");
        expect(rows[0]).toEqual({ s: "4321ms", l: "1234ms" });
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});
