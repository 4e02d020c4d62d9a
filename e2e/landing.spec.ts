import { expect, test } from "./support/fixtures";

test("the landing page explains Cairn and offers sign-up", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cairn");
  await expect(page.getByRole("link", { name: /create account/i }).first()).toHaveAttribute("href", "/sign-up");
  await expect(page.getByRole("link", { name: /sign in/i }).first()).toBeVisible();
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(problems).toEqual([]);
});

test("the theme toggle switches to dark and the choice survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("radio", { name: "Dark theme" }).check({ force: true }); // the input is visually hidden behind its icon
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("radio", { name: "Dark theme" })).toBeChecked();
  await page.getByRole("radio", { name: "Light theme" }).check({ force: true });
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("the skip link is the first thing the keyboard reaches", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /skip to (main )?content/i })).toBeFocused();
});
