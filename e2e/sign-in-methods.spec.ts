import { emailsTo } from "./support/fake-resend";
import type { ReceivedEmail } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";

/** The emails with this subject the fake Resend server received for one address (global-setup starts it). */
async function emailsWith(address: string, subject: string): Promise<ReceivedEmail[]> {
  return (await emailsTo(address)).filter((email) => email.subject === subject);
}

/** Waits for the `count`-th email with this subject and returns the link in its plain-text part. */
async function linkFromEmail(address: string, subject: string, path: string, count = 1): Promise<string> {
  await expect.poll(async () => (await emailsWith(address, subject)).length).toBeGreaterThanOrEqual(count);
  const message = (await emailsWith(address, subject))[count - 1]!;
  const link = new RegExp(`https?://\\S+${path.replace("/", "\\/")}\\?token=[\\w-]+`).exec(message.text ?? "")?.[0];
  expect(link, `the email's plain-text part carries a ${path} link`).toBeDefined();
  return link!;
}

test("an unverified account verifies its email from the emailed link, and signs out", async ({ page, factory, signIn, baseURL }) => {
  const { owner } = await factory.team("Link Sign-in Team", { verified: false });
  const email = owner.email;

  // Until the address is verified the account page says so, gently, and sends a link on request.
  await signIn(page, owner);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
  await expect(page.getByText("not verified", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We sent a new verification link" })).toBeVisible();
  const verifyLink = await linkFromEmail(email, "Verify your email for Cairn", "/verify-email");
  expect(verifyLink.startsWith(baseURL!)).toBe(true);
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We sent a new verification link" })).toBeVisible();
  await linkFromEmail(email, "Verify your email for Cairn", "/verify-email", 2);

  // The first link still works (until one of them is used), and verifies the address.
  await page.goto(verifyLink);
  await expect(page.getByRole("status").filter({ hasText: `${email} is verified` })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText("verified", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verify your email" })).toHaveCount(0);

  await page.getByRole("button", { name: /account/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});

test("a signed-out person signs in without the password, with an emailed link that works once", async ({ page, factory }) => {
  const { owner, slug } = await factory.team("Link Sign-in Team");
  const email = owner.email;
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Continue with GitHub" })).toHaveCount(0);
  await page.getByRole("button", { name: "Use an email link instead" }).click();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that email address, we sent it a sign-in link" })).toBeVisible();

  const signInLink = await linkFromEmail(email, "Your Cairn sign-in link", "/sign-in/link");
  await page.goto(signInLink);
  await page.getByRole("button", { name: "Continue to Cairn" }).click();
  // A new owner's home is the setup checklist (decision 0039).
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/setup$`));
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("main").locator("dd").filter({ hasText: email })).toContainText("verified");

  // The link worked once.
  await page.goto(signInLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
});
