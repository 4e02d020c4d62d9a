/** The fake Resend server, driven by the real Resend SDK as the app would drive it. */
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend } from "../support/fake-resend";
import type { FakeResend, ReceivedEmail } from "../support/fake-resend";

let fake: FakeResend;
const originalBaseUrl = process.env.RESEND_BASE_URL;

beforeAll(async () => {
  fake = await startFakeResend();
});

afterEach(() => {
  fake.clear();
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
});

afterAll(async () => {
  await fake.stop();
});

/** A client aimed at the fake: the SDK reads RESEND_BASE_URL when it is constructed. */
function client(key = "re_test_key"): Resend {
  process.env.RESEND_BASE_URL = fake.url;
  return new Resend(key);
}

async function listed(query = ""): Promise<ReceivedEmail[]> {
  const response = await fetch(`${fake.url}/__emails${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  return (await response.json()) as ReceivedEmail[];
}

const invitation = (to: string) => ({
  from: "Cairn <onboarding@cairn.localhost>",
  to: [to],
  subject: "You're invited to Acme on Cairn",
  html: `<p><a href="http://localhost:3000/invite/abc123">Accept</a></p>`,
  text: "Accept: http://localhost:3000/invite/abc123",
});

describe("fake Resend with the real SDK", () => {
  it("stores a sent email once per idempotency key and answers a retry with the same id", async () => {
    const resend = client();
    const first = await resend.emails.send(invitation("ada@example.test"), { idempotencyKey: "invite/inv_1" });
    const retry = await resend.emails.send(invitation("ada@example.test"), { idempotencyKey: "invite/inv_1" });

    expect(first.error).toBeNull();
    expect(first.data?.id).toEqual(expect.any(String));
    expect(retry).toMatchObject({ error: null, data: { id: first.data?.id } });

    const stored = fake.emails();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: first.data?.id,
      from: "Cairn <onboarding@cairn.localhost>",
      to: ["ada@example.test"],
      subject: "You're invited to Acme on Cairn",
      text: "Accept: http://localhost:3000/invite/abc123",
      idempotencyKey: "invite/inv_1",
    });
    expect(stored[0]?.html).toContain('href="http://localhost:3000/invite/abc123"');
  });

  it("serves what was sent over HTTP, filtered by recipient, for tests in another process", async () => {
    const resend = client();
    await resend.emails.send(invitation("ada@example.test"));
    await resend.emails.send({ ...invitation("Grace Hopper <Grace@Example.test>"), subject: "For Grace" });

    expect(await listed()).toHaveLength(2);
    const forGrace = await listed(`?to=${encodeURIComponent("grace@example.test")}`);
    expect(forGrace.map((email) => email.subject)).toEqual(["For Grace"]);
    expect(await listed("?to=nobody%40example.test")).toEqual([]);

    const cleared = await fetch(`${fake.url}/__emails`, { method: "DELETE" });
    expect(cleared.status).toBe(200);
    expect(await listed()).toEqual([]);
    expect(fake.emails()).toEqual([]);
  });

  it("stores separate sends without an idempotency key separately", async () => {
    const resend = client();
    const a = await resend.emails.send(invitation("ada@example.test"));
    const b = await resend.emails.send(invitation("ada@example.test"));
    expect(a.data?.id).toEqual(expect.any(String));
    expect(b.data?.id).not.toBe(a.data?.id);
    expect(fake.emails().map((email) => email.id)).toEqual([a.data?.id, b.data?.id]);
  });

  it("reads RESEND_BASE_URL when the client is constructed, not on each send", async () => {
    const resend = client();
    process.env.RESEND_BASE_URL = "http://127.0.0.1:1"; // nothing listens there
    const { error } = await resend.emails.send(invitation("ada@example.test"));
    expect(error).toBeNull();
    expect(fake.emails()).toHaveLength(1);
  });

  it("returns an error to the SDK, and stores nothing, without a bearer key", async () => {
    const resend = client();
    const { data, error } = await resend.emails.send(invitation("ada@example.test"), { headers: { Authorization: "" } });
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect(fake.emails()).toEqual([]);

    const raw = await fetch(`${fake.url}/emails`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(invitation("ada@example.test")) });
    expect(raw.status).toBe(401);
    expect(raw.headers.get("content-type")).toMatch(/application\/json/);
    expect(await raw.json()).toMatchObject({ statusCode: 401, name: "missing_api_key", message: expect.stringMatching(/API key/) });
  });

  it("refuses a key that is not a Resend key", async () => {
    const { error } = await client("not-a-resend-key").emails.send(invitation("ada@example.test"));
    expect(error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect(fake.emails()).toEqual([]);
  });

  it("refuses an idempotency key reused with a different payload", async () => {
    const resend = client();
    await resend.emails.send(invitation("ada@example.test"), { idempotencyKey: "invite/inv_2" });
    const { error } = await resend.emails.send(invitation("grace@example.test"), { idempotencyKey: "invite/inv_2" });
    expect(error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(fake.emails().map((email) => email.to)).toEqual([["ada@example.test"]]);
  });

  it("refuses an email without a subject or a body, as Resend does", async () => {
    const resend = client();
    const { from, to, html } = invitation("ada@example.test");
    const noSubject = await resend.emails.send({ from, to, html } as never);
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: "missing_required_field", message: expect.stringContaining("subject") });
    const noBody = await resend.emails.send({ from, to, subject: "Empty", text: "" });
    expect(noBody.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails()).toEqual([]);
  });
});
