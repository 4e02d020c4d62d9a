import { request as playwrightRequest } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * A second (third…) member of an organization without another sign-up (the run
 * shares a per-IP sign-up limit): the signed-in manager invites the address
 * through the API, and the invitee accepts the emailed link (read from the fake
 * Resend server) signed out, which creates their account. Returns their user id.
 */
export async function addMemberByInvitation(
  manager: APIRequestContext,
  baseURL: string,
  slug: string,
  person: { name: string; role: "ADMIN" | "MENTOR" | "MEMBER" },
): Promise<{ userId: string; email: string; password: string }> {
  const email = `e2e-${person.name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  const password = "pebble lighthouse dawn 37";
  const invited = await manager.post(`${baseURL}/api/v1/o/${slug}/invitations`, { data: { emails: [email], role: person.role }, headers: { origin: baseURL } });
  expect(invited.status()).toBe(200);
  expect(((await invited.json()) as { invited: unknown[] }).invited).toHaveLength(1);

  let token: string | undefined;
  await expect
    .poll(
      async () => {
        token = await invitationTokenFor(email);
        return token;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();

  const anonymous = await playwrightRequest.newContext();
  try {
    const accepted = await anonymous.post(`${baseURL}/api/v1/invitations/${token}/accept`, { data: { name: person.name, password }, headers: { origin: baseURL } });
    expect(accepted.status()).toBe(200);
    const body = (await accepted.json()) as { user: { id: string }; accountCreated: boolean };
    expect(body.accountCreated).toBe(true);
    return { userId: body.user.id, email, password };
  } finally {
    await anonymous.dispose();
  }
}

/** The token in the newest invitation email to `address`, if it has arrived. */
async function invitationTokenFor(address: string): Promise<string | undefined> {
  const fakeResend = process.env.FAKE_RESEND_URL;
  if (!fakeResend) throw new Error("FAKE_RESEND_URL is not set: run the browser tests with `npm run test:e2e`");
  const response = await fetch(`${fakeResend}/__emails?to=${encodeURIComponent(address)}`);
  expect(response.status).toBe(200);
  const emails = (await response.json()) as Array<{ text?: string }>;
  return /\/invitations\/([\w-]{43})/.exec(emails.at(-1)?.text ?? "")?.[1];
}
