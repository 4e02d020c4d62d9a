/**
 * /dev/mailbox shows every stored email, sign-in and reset links included, to
 * whoever opens it: it answers only in development, and only to a browser on this
 * machine (lib/email/mailbox-access.ts). The pages themselves are called here,
 * with the request headers server.ts would pass.
 */
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import MailboxMessagePage from "@/app/dev/mailbox/[id]/page";
import MailboxPage from "@/app/dev/mailbox/page";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { storeInMailbox } from "@/lib/email/mailbox";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const env = process.env as Record<string, string | undefined>;
const TEST_NODE_ENV = env.NODE_ENV;
// What server.ts passes for a browser on this machine (x-cairn-proxied: it saw no forwarding header).
const LOOPBACK = { host: "localhost:3000", "x-cairn-client-ip": "127.0.0.1", "x-cairn-proxied": "0" };

function setEnvironment(nodeEnv: string, extra: Record<string, string> = {}) {
  env.NODE_ENV = nodeEnv;
  Object.assign(env, extra);
  resetConfig();
}

/** next/navigation's notFound() throws an error whose digest names the 404. */
async function statusOf(render: () => Promise<unknown>): Promise<number> {
  try {
    await render();
    return 200;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.includes(";404")) return 404;
    throw error;
  }
}

let messageId: string;
const secretLink = `http://localhost:3000/sign-in/link?token=${randomUUID()}`;

beforeEach(async () => {
  messageId = await storeInMailbox(
    getDb(),
    { kind: "sign-in-link", idempotencyKey: `test/${randomUUID()}`, to: "dev@example.test", subject: "Your sign-in link", html: `<a href="${secretLink}">Sign in</a>`, text: secretLink },
    "Cairn <dev@cairn.localhost>",
  );
});

afterEach(() => {
  env.NODE_ENV = TEST_NODE_ENV;
  delete env.RESEND_API_KEY;
  delete env.EMAIL_TRANSPORT;
  resetConfig();
});

const list = () => MailboxPage();
const message = () => MailboxMessagePage({ params: Promise.resolve({ id: messageId }) });

describe("the development mailbox pages", () => {
  it("show the stored emails and their links to a browser on this machine, in development", async () => {
    setEnvironment("development");
    request.headers = new Headers(LOOPBACK);
    expect(renderToStaticMarkup((await list()) as React.ReactElement)).toContain("Your sign-in link");
    expect(renderToStaticMarkup((await message()) as React.ReactElement)).toContain(secretLink);
    // Next.js adds X-Forwarded-* of its own to every request before the page reads it: they do not close the page.
    request.headers = new Headers({ ...LOOPBACK, "x-forwarded-host": "localhost:3000", "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" });
    expect(renderToStaticMarkup((await list()) as React.ReactElement)).toContain("Your sign-in link");
  });

  it("answer 404 to any other client, to a proxied or tunnelled request, and to another host name", async () => {
    setEnvironment("development");
    for (const headers of <Array<Record<string, string>>>[
      { ...LOOPBACK, "x-cairn-client-ip": "192.168.1.20" },
      { ...LOOPBACK, "x-cairn-client-ip": "203.0.113.7" },
      { host: "localhost:3000" },
      { ...LOOPBACK, "x-cairn-proxied": "1" },
      { host: "localhost:3000", "x-cairn-client-ip": "127.0.0.1" },
      { ...LOOPBACK, host: "abcd.ngrok-free.app" },
      { ...LOOPBACK, host: "rebind.evil.example:3000" },
    ]) {
      request.headers = new Headers(headers);
      expect(await statusOf(list), JSON.stringify(headers)).toBe(404);
      expect(await statusOf(message), JSON.stringify(headers)).toBe(404);
    }
  });

  it("answer 404 outside development, even on this machine: production, test, or with a Resend key", async () => {
    request.headers = new Headers(LOOPBACK);
    for (const [nodeEnv, extra] of [
      ["production", { EMAIL_TRANSPORT: "log" }],
      ["test", {}],
      ["development", { RESEND_API_KEY: "re_123" }],
    ] as const) {
      setEnvironment(nodeEnv, extra);
      expect(await statusOf(list), nodeEnv).toBe(404);
      expect(await statusOf(message), nodeEnv).toBe(404);
      delete env.RESEND_API_KEY;
      delete env.EMAIL_TRANSPORT;
    }
  });
});
