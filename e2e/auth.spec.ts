import { DEMO_PASSWORD } from "../lib/db/seed-demo";
import { emailsTo } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";
import { probeSocket } from "./support/socket-probe";

/** The link in the newest email with this subject to `address`, once it has arrived. */
async function linkIn(address: string, subject: string, path: string): Promise<string> {
  await expect.poll(async () => (await emailsTo(address)).filter((message) => message.subject === subject).length).toBeGreaterThan(0);
  const message = (await emailsTo(address)).filter((email) => email.subject === subject).at(-1)!;
  const link = new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`).exec(message.text ?? "")?.[0];
  expect(link, `the email's plain-text part carries a ${path} link`).toBeDefined();
  return link!;
}

test("a new user signs up with their email, finishes from the emailed link, lands in their organization, and signs out", async ({ page, baseURL }) => {
  const email = `e2e-${crypto.randomUUID()}@example.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).first().click();
  await expect(page).toHaveURL(/\/sign-up$/);

  // Step 1: only the address; the answer says to check the inbox (the same for every address).
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/Check your inbox/)).toBeVisible();
  await expect(page.getByText(`We wrote to ${email}.`)).toBeVisible();

  // Step 2, from the emailed link: name, password, organization.
  const link = await linkIn(email, "Finish creating your Cairn account", "/sign-up/confirm");
  expect(link.startsWith(baseURL!)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
  await expect(page.getByLabel("Work email")).toHaveValue(email);
  await page.getByLabel("Your name").fill("Dana Okoye");
  await page.getByLabel("Password").fill("password1234");
  await page.getByLabel("Organization name").fill("Okoye Platform Team");
  await page.getByRole("button", { name: "Create account" }).click();
  // A weak password is explained next to the field, and nothing is lost from the form.
  await expect(page.getByText(/one of the most common/)).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Dana Okoye");

  await page.getByLabel("Password").fill("quiet harbour lamps 7");
  await page.getByRole("button", { name: "Create account" }).click();
  // A new owner lands on the setup checklist, beside the organization's people (decision 0039).
  await expect(page).toHaveURL(/\/o\/okoye-platform-team(-\d+)?\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Okoye Platform Team");
  await expect(page.getByText("0 of 5 done")).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");

  await page.getByRole("button", { name: /account/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/o");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fo$/);
});

test("signing up with an address that has an account looks the same, and tells its owner instead", async ({ page, factory }) => {
  const existing = await factory.account({ name: "Ada Okafor" });
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill(existing.email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/Check your inbox/)).toBeVisible();
  await expect(page.getByText(`We wrote to ${existing.email}.`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(existing.email)).map((message) => message.subject)).toEqual(["You already have a Cairn account"]);
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
  // The demo's setup is complete, so its owner's home is the dashboard (decision 0039); Setup keeps the people.
  await expect(page).toHaveURL(/\/o\/demo\/dashboard$/);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Setup" }).click();
  await expect(page).toHaveURL(/\/o\/demo\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Engineering (demo)");
  await expect(page.getByText("You own this organization")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Setup complete" })).toBeVisible();
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
  // A NUL in any segment is no page either (it used to reach the database and answer 500).
  const nul = await page.goto(`/o/${mine.slug}/assignments/c%00x`);
  expect(nul?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
