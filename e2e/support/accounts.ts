import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { emailsTo } from "./fake-resend";

/**
 * A fresh account and organization made through the public API, so a test never shares mutable rows.
 * The email address is verified through the emailed link (unverified accounts cannot invite people)
 * unless `verified: false`.
 */
export async function signUpThroughApi(request: APIRequestContext, baseURL: string, organizationName: string, { verified = true }: { verified?: boolean } = {}) {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = "tidal maple crane 58";
  const response = await request.post(`${baseURL}/api/v1/accounts`, {
    data: { name: "Ines Duarte", email, password, organizationName },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(201);
  const { organization } = (await response.json()) as { organization: { slug: string } };
  if (verified) await verifyEmailThroughApi(request, baseURL, email);
  return { email, password, slug: organization.slug };
}

/** Opens the verification link that sign-up emailed (read from the fake Resend server), as the API. */
async function verifyEmailThroughApi(request: APIRequestContext, baseURL: string, email: string) {
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const message = (await emailsTo(email)).find((candidate) => candidate.subject === "Verify your email for Cairn");
        token = /\/verify-email\?token=([\w-]+)/.exec(message?.text ?? "")?.[1];
        return token;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  const confirmed = await request.post(`${baseURL}/api/v1/email-verifications/confirm`, { data: { token }, headers: { origin: baseURL } });
  expect(confirmed.status()).toBe(200);
}

/** Signs in through the real form. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
