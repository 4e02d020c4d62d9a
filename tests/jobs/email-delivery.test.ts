/**
 * Emails through the job queue, end to end inside one process: the password
 * reset email job sends through the (fake) Resend API with an idempotency key,
 * delivers once however often it runs, is retried and dead-lettered when
 * Resend refuses it, and lands in the development mailbox without a key; with
 * EMAIL_TRANSPORT=log only its metadata reaches the log, and in production no
 * email (nor its link) is stored anywhere.
 */
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { passwordResetEmailJob } from "@/lib/accounts/password-reset-email";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { getConfig, resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deadLetterQueueOf } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { getLogger } from "@/lib/observability/logger";
import { tablesContaining } from "../support/email-delivery";
import { startFakeResend } from "../support/fake-resend";
import type { FakeResend } from "../support/fake-resend";
import { createUser } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue, TEST_RETRY, waitFor } from "../support/job-queue";

let fake: FakeResend;
let queue: JobQueue;
const JOB = passwordResetEmailJob.name;

beforeAll(async () => {
  fake = await startFakeResend();
  queue = await startTestJobQueue();
});

beforeEach(() => useResend("re_test_key"));

afterEach(() => fake.clear());

afterAll(async () => {
  await stopTestJobQueue(queue);
  await fake.stop();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetConfig();
});

const env = process.env as Record<string, string | undefined>;
const TEST_NODE_ENV = env.NODE_ENV;
afterEach(() => {
  delete env.EMAIL_TRANSPORT;
  env.NODE_ENV = TEST_NODE_ENV;
  resetConfig();
});

/** The worker reads the configuration at each delivery, so tests can switch transports between jobs. */
function useResend(key: string | undefined) {
  if (key === undefined) delete process.env.RESEND_API_KEY;
  else process.env.RESEND_API_KEY = key;
  process.env.RESEND_BASE_URL = fake.url;
  resetConfig();
}

/** A new user and the job payload a reset request for their address enqueues (the job stores the token row). */
async function resetRequest(name = "Grace Hopper") {
  const user = await createUser({ name });
  const token = newResetToken();
  const tokenHash = hashResetToken(token);
  return { user, token, tokenHash, payload: { email: user.email, tokenHash, sealedToken: sealSecret(token), requestedAt: new Date().toISOString() } };
}

/** The token row the job stored. */
const storedToken = (tokenHash: string) => getDb().passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });

const emailsTo = (address: string) => fake.emails().filter((email) => email.to.includes(address));

describe("the password reset email job", () => {
  it("sends through Resend with the job's idempotency key, the configured sender and both parts", async () => {
    const { user, token, tokenHash, payload } = await resetRequest();
    await getDb().$transaction((tx) => enqueue(tx, passwordResetEmailJob, payload));

    const [email] = await waitFor("the email at the fake Resend", () => emailsTo(user.email).length > 0 && emailsTo(user.email));
    const record = await storedToken(tokenHash);
    expect(record).toMatchObject({ userId: user.id, usedAt: null, expiresAt: resetTokenExpiry(new Date(payload.requestedAt)) });
    const link = `${getConfig().NEXTAUTH_URL}/reset-password?token=${token}`;
    expect(email).toMatchObject({
      from: getConfig().EMAIL_FROM,
      to: [user.email],
      subject: "Reset your Cairn password",
      idempotencyKey: `password-reset/${record.id}`,
      tags: [{ name: "kind", value: "password-reset" }],
    });
    expect(email!.html).toContain(`href="${link}"`);
    expect(email!.html).toContain("Hi Grace Hopper,");
    expect(email!.text).toContain(link);
  });

  it("sends once when the job runs twice, or is enqueued twice", async () => {
    const { user, payload } = await resetRequest();
    const log = getLogger();
    await passwordResetEmailJob.handler(payload, { jobId: "first-run", log });
    await passwordResetEmailJob.handler(payload, { jobId: "second-run", log });
    expect(emailsTo(user.email)).toHaveLength(1);
    // One token row: the second run found the first run's.
    expect(await getDb().passwordResetToken.count({ where: { userId: user.id } })).toBe(1);

    // Two jobs for the same token (e.g. a duplicated enqueue) both run, and still one email goes out.
    await getDb().$transaction(async (tx) => {
      await enqueue(tx, passwordResetEmailJob, payload);
      await enqueue(tx, passwordResetEmailJob, payload);
    });
    await waitFor("both jobs to complete", async () => {
      const jobs = await queue.boss.findJobs(JOB, { data: { tokenHash: payload.tokenHash } });
      return jobs.length === 2 && jobs.every((job) => job.state === "completed");
    });
    expect(emailsTo(user.email)).toHaveLength(1);
  });

  it("retries when Resend refuses the email and ends in the dead-letter queue after its retries", async () => {
    useResend("not-a-valid-key"); // the fake (like Resend) answers 403 invalid_api_key
    const { user, payload } = await resetRequest();
    const jobId = await getDb().$transaction((tx) => enqueue(tx, passwordResetEmailJob, payload));

    const [dead] = await waitFor("the email job in the dead-letter queue", async () => {
      const found = await queue.boss.findJobs(deadLetterQueueOf(JOB), { data: { tokenHash: payload.tokenHash } });
      return found.length > 0 && found;
    });
    expect(dead).toMatchObject({ data: payload, sourceName: JOB });
    const [failed] = await queue.boss.findJobs(JOB, { id: jobId });
    expect(failed).toMatchObject({ state: "failed", retryCount: TEST_RETRY.limit });
    expect((failed!.output as { message?: string }).message).toMatch(/invalid_api_key/);
    expect(emailsTo(user.email)).toEqual([]);
  });

  it("skips a link that was used or expired before the email went out (a first run stored it), and a request older than a link's life", async () => {
    const used = await resetRequest();
    await getDb().passwordResetToken.create({ data: { userId: used.user.id, tokenHash: used.tokenHash, expiresAt: resetTokenExpiry(), usedAt: new Date() } });
    const expired = await resetRequest();
    await getDb().passwordResetToken.create({ data: { userId: expired.user.id, tokenHash: expired.tokenHash, expiresAt: new Date(Date.now() - 1000) } });
    const late = await resetRequest();
    const lateRun = { ...late.payload, requestedAt: new Date(Date.now() - 61 * 60_000).toISOString() };

    await passwordResetEmailJob.handler(used.payload, { jobId: "used", log: getLogger() });
    await passwordResetEmailJob.handler(expired.payload, { jobId: "expired", log: getLogger() });
    await passwordResetEmailJob.handler(lateRun, { jobId: "late", log: getLogger() });
    expect(fake.emails()).toEqual([]);
    expect(await getDb().passwordResetToken.count({ where: { userId: late.user.id } })).toBe(0);
  });

  it("stores and sends nothing for an address without an account", async () => {
    const { payload } = await resetRequest();
    const unknown = { ...payload, email: `nobody-${payload.tokenHash.slice(0, 8)}@example.test` };
    await passwordResetEmailJob.handler(unknown, { jobId: "unknown", log: getLogger() });
    expect(await getDb().passwordResetToken.count({ where: { tokenHash: payload.tokenHash } })).toBe(0);
    expect(fake.emails()).toEqual([]);
  });

  it("fails (and so retries, then dead-letters) when the sealed token was tampered with", async () => {
    const { payload } = await resetRequest();
    const tampered = { ...payload, sealedToken: `${payload.sealedToken.slice(0, -4)}AAAA` };
    await expect(passwordResetEmailJob.handler(tampered, { jobId: "tampered", log: getLogger() })).rejects.toThrow();
    expect(fake.emails()).toEqual([]);
  });
});

describe("without RESEND_API_KEY", () => {
  it("stores the email in the development mailbox instead, once however often the job runs", async () => {
    useResend(undefined);
    const { user, token, tokenHash, payload } = await resetRequest();
    await getDb().$transaction((tx) => enqueue(tx, passwordResetEmailJob, payload));

    const stored = await waitFor("the email in EmailMessage", () => getDb().emailMessage.findFirst({ where: { to: user.email, kind: "password-reset" } }));
    expect(stored.idempotencyKey).toBe(`password-reset/${(await storedToken(tokenHash)).id}`);
    expect(stored).toMatchObject({ kind: "password-reset", to: user.email, from: getConfig().EMAIL_FROM, subject: "Reset your Cairn password" });
    expect(stored.text).toContain(`/reset-password?token=${token}`);
    expect(stored.html).toContain(`/reset-password?token=${token}`);

    await passwordResetEmailJob.handler(payload, { jobId: "again", log: getLogger() });
    expect(await getDb().emailMessage.count({ where: { to: user.email } })).toBe(1);
    expect(fake.emails()).toEqual([]);
  });
});

describe("EMAIL_TRANSPORT=log", () => {
  /** A logger whose JSON lines the test reads. */
  function capturingLogger() {
    const lines: string[] = [];
    return { lines, log: pino({ level: "info" }, { write: (line: string) => void lines.push(line) }) };
  }

  it("sends nothing, stores nothing, and logs the email's metadata without its body or link", async () => {
    useResend(undefined);
    env.EMAIL_TRANSPORT = "log";
    resetConfig();
    const { user, token, tokenHash, payload } = await resetRequest();
    const { lines, log } = capturingLogger();
    await passwordResetEmailJob.handler(payload, { jobId: "logged", log });
    const record = await storedToken(tokenHash);

    expect(fake.emails()).toEqual([]);
    expect(await getDb().emailMessage.count({ where: { idempotencyKey: `password-reset/${record.id}` } })).toBe(0);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => typeof line.msg === "string" && line.msg.startsWith("email not sent"));
    expect(logged).toMatchObject({ kind: "password-reset", to: user.email, subject: "Reset your Cairn password", idempotencyKey: `password-reset/${record.id}` });
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain("/reset-password");
  });

  it("in production, leaves the link nowhere: no EmailMessage row, nothing in any table", async () => {
    useResend(undefined);
    env.NODE_ENV = "production";
    env.EMAIL_TRANSPORT = "log";
    resetConfig();
    expect(getConfig()).toMatchObject({ NODE_ENV: "production", emailTransport: "log", devMailboxEnabled: false });
    const { token, tokenHash, payload } = await resetRequest();
    const jobId = await getDb().$transaction((tx) => enqueue(tx, passwordResetEmailJob, payload));
    await waitFor("the email job to complete", async () => (await queue.boss.findJobs(JOB, { id: jobId }))[0]?.state === "completed");
    const record = await storedToken(tokenHash);

    expect(await getDb().emailMessage.count({ where: { idempotencyKey: `password-reset/${record.id}` } })).toBe(0);
    expect(await tablesContaining(token, ["public.EmailMessage", "public.PasswordResetToken", "pgboss.job"])).toEqual([]);
    expect(fake.emails()).toEqual([]);
  });
});
