import { expect } from "./fixtures";

/** An email as the fake Resend server (tests/support/fake-resend.ts, started by global-setup) received it. */
export interface ReceivedEmail {
  to: string[];
  subject: string;
  text?: string;
  idempotencyKey?: string;
}

/** Every email the fake Resend server received for one address, oldest first. */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const fakeResend = process.env.FAKE_RESEND_URL;
  if (!fakeResend) throw new Error("FAKE_RESEND_URL is not set: run the browser tests with `npm run test:e2e`");
  const response = await fetch(`${fakeResend}/__emails?to=${encodeURIComponent(address)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ReceivedEmail[];
}
