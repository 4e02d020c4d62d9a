import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, verifySignature } from "./signature";
import { retryDelayMs, webhookTiming } from "./timing";

describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "d1", event: { type: "progress.updated" } });
  const now = 1_765_098_843;

  it("signs `${t}.${body}` with HMAC-SHA256, as docs/webhooks.md tells receivers", () => {
    const header = signatureHeader(secret, now, body);
    const expected = createHmac("sha256", secret).update(`${now}.${body}`).digest("hex");
    expect(header).toBe(`t=${now},v1=${expected}`);
    expect(verifySignature(secret, header, body, now)).toBe(true);
  });

  it("refuses another body, another secret, a changed timestamp and an old one", () => {
    const header = signatureHeader(secret, now, body);
    expect(verifySignature(secret, header, `${body} `, now)).toBe(false);
    expect(verifySignature(newWebhookSecret(), header, body, now)).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${now}`, `t=${now + 1}`), body, now)).toBe(false);
    expect(verifySignature(secret, header, body, now + 301)).toBe(false);
    expect(verifySignature(secret, "garbage", body, now)).toBe(false);
  });

  it("makes a different secret each time", () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });
});

describe("retry backoff", () => {
  it("doubles from the base delay up to the cap, within ±10%", () => {
    const exact = [1, 2, 3, 4, 10, 30].map((attempts) => retryDelayMs(attempts, () => 0.5));
    expect(exact).toEqual([30_000, 60_000, 120_000, 240_000, webhookTiming.maxDelayMs, webhookTiming.maxDelayMs]);
    expect(retryDelayMs(1, () => 0)).toBe(27_000);
    expect(retryDelayMs(1, () => 1)).toBe(33_000);
  });
});
