import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Signs in through the real form (for the tests of sign-in itself; others use the fixtures' pageAs / signIn). */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
