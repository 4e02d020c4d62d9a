import { DEMO_PASSWORD } from "../lib/db/seed-demo";
import { emailsTo } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";
import { probeSocket } from "./support/socket-probe";

test("a new user signs up, lands in their organization, and signs out", async ({ page }) => {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).first().click();
  await expect(page).toHaveURL(/\/sign-up$/);

  await page.getByLabel("Your name").fill("Dana Okoye");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("password1234");
  await page.getByLabel("Organization name").fill("Okoye Platform Team");
  await page.getByRole("button", { name: "Create account" }).click();
  // A weak password is explained next to the field, and nothing is lost from the form.
  await expect(page.getByText(/one of the most common/)).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue(email);

  await page.getByLabel("Password").fill("quiet harbour lamps 7");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/o\/okoye-platform-team(-\d+)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Okoye Platform Team");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  // Sign-up sent a link to verify the address (sign-in-methods.spec.ts follows one).
  await expect.poll(async () => (await emailsTo(email)).map((message) => message.subject)).toEqual(["Verify your email for Cairn"]);

  await page.getByRole("button", { name: /account/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/o");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fo$/);
});

test("a demo account signs in, is sent back to the page it asked for, and its socket connects", async ({ page, baseURL }) => {
  await page.goto("/o/demo");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fo%2Fdemo$/);

  await page.getByLabel("Email").fill("olivia.owner@demo.cairn.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /password/ })).toHaveText("The email or password is incorrect.");

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/demo$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Engineering (demo)");
  await expect(page.getByText("You own this organization")).toBeVisible();
  await expect(page.getByRole("heading", { name: /People/ })).toContainText("(6)");

  expect(await probeSocket(page, baseURL!)).toBe("connected");
});

test("another organization's page is a 404 for a signed-in user, whether it exists or not", async ({ page, factory, signIn }) => {
  const mine = await factory.team("My Own Org");
  const theirs = await factory.team("Their Org");
  await signIn(page, mine.owner);
  expect((await page.goto(`/o/${mine.slug}`))?.status()).toBe(200);
  expect((await page.goto(`/o/${theirs.slug}`))?.status()).toBe(404);
  expect((await page.goto("/o/some-other-organization"))?.status()).toBe(404);
});
