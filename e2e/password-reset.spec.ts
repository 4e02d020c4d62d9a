import { emailsTo } from "./support/fake-resend";
import type { ReceivedEmail } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";

/**
 * The password-reset emails the fake Resend server received for one address (global-setup
 * starts it); other emails to the address are left out.
 */
async function resetEmailsTo(address: string): Promise<ReceivedEmail[]> {
  return (await emailsTo(address)).filter((email) => email.subject === "Reset your Cairn password");
}

test("a user who forgot their password gets a link by email, chooses a new password and signs in with it", async ({ page, factory, baseURL }) => {
  const organization = await factory.team("Reyes Data Team", { name: "Tomás Reyes" });
  const { email, password: oldPassword } = organization.owner;
  const newPassword = "silver canyon lights 61";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that email address" })).toBeVisible();

  // The job worker sends it through the fake Resend API within a poll or two.
  await expect.poll(async () => (await resetEmailsTo(email)).length).toBe(1);
  const [message] = await resetEmailsTo(email);
  expect(message!.subject).toBe("Reset your Cairn password");
  expect(message!.idempotencyKey).toMatch(/^password-reset\//);
  const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(message!.text ?? "")?.[0];
  expect(link, "the email's plain-text part carries the reset link").toBeDefined();
  expect(link!.startsWith(baseURL!)).toBe(true);

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  // A mismatched confirmation is caught before anything is sent.
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(`${newPassword}!`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /password/ })).toHaveText("The email or password is incorrect.");
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A new owner's home is the setup checklist (decision 0039).
  await expect(page).toHaveURL(new RegExp(`/o/${organization.slug}/setup$`));

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
});

test("asking for a reset of an address without an account looks the same and sends nothing", async ({ page, request, factory, baseURL }) => {
  const known = (await factory.account({ name: "Ada Okafor" })).email;
  const unknown = `e2e-nobody-${crypto.randomUUID()}@example.test`;

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(unknown);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that email address" })).toBeVisible();

  // The API answers a known and an unknown address identically.
  const forKnown = await request.post("/api/v1/password-resets", { data: { email: known }, headers: { origin: baseURL! } });
  const forUnknown = await request.post("/api/v1/password-resets", { data: { email: unknown }, headers: { origin: baseURL! } });
  expect([forKnown.status(), forUnknown.status()]).toEqual([202, 202]);
  expect(await forUnknown.json()).toEqual(await forKnown.json());
  // Once the known address's email arrived, the worker has had its chance: nothing went to the unknown one.
  await expect.poll(async () => (await resetEmailsTo(known)).length).toBe(1);
  expect(await resetEmailsTo(unknown)).toEqual([]);
});
