import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** A fresh account and organization made through the public API, so a test never shares mutable rows. */
export async function signUpThroughApi(request: APIRequestContext, baseURL: string, organizationName: string) {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = "tidal maple crane 58";
  const response = await request.post(`${baseURL}/api/v1/accounts`, {
    data: { name: "Ines Duarte", email, password, organizationName },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(201);
  const { organization } = (await response.json()) as { organization: { slug: string } };
  return { email, password, slug: organization.slug };
}

/** Signs in through the real form. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
