import { expect, test } from "./support/fixtures";

test("sign out everywhere ends the session in a second browser", async ({ factory, pageAs }) => {
  const { owner } = await factory.team("Duarte Data");
  // Two browsers, each with a session of its own.
  const laptop = await pageAs(owner);
  const phone = await pageAs(owner);
  await phone.goto("/account");
  await expect(phone.getByRole("heading", { name: "Your account" })).toBeVisible();

  await laptop.goto("/account");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);

  // The other browser still holds its cookie, but the server no longer accepts it.
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test("an owner renames the organization and sets when hires count as stuck, from its settings page", async ({ page, factory, signIn }) => {
  const { owner, slug } = await factory.team("Rename Me Inc");
  await signIn(page, owner);
  await page.goto(`/o/${slug}/settings`);
  const naming = page.getByRole("region", { name: "Organization name" });
  const name = naming.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("x");
  await naming.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A name has at least 2 characters.")).toBeVisible();
  await name.fill("Renamed Platform Guild");
  await naming.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization renamed")).toBeVisible();

  // When the mentors' dashboard calls a hire stuck.
  const stuck = page.getByRole("region", { name: "When is a hire stuck?" });
  const days = stuck.getByRole("spinbutton", { name: "Days" });
  await expect(days).toHaveValue("7");
  await days.fill("0");
  await stuck.getByRole("button", { name: "Save" }).click();
  await expect(stuck.getByText("Use a whole number of days from 1 to 90.")).toBeVisible();
  await days.fill("10");
  await stuck.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Hires are flagged as stuck after 10 days.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Renamed Platform Guild");
  await expect(page.getByRole("spinbutton", { name: "Days" })).toHaveValue("10");
});

test("changing the password keeps this browser signed in and signs the other one out", async ({ factory, pageAs }) => {
  const { owner } = await factory.team("Password Change Co");
  const password = owner.password;
  const laptop = await pageAs(owner);
  const phone = await pageAs(owner);
  await phone.goto("/account");
  await expect(phone.getByRole("heading", { name: "Your account" })).toBeVisible();

  await laptop.goto("/account");
  await laptop.getByLabel("Current password").fill("wrong guess entirely 1");
  await laptop.getByLabel("New password").fill("cobalt meadow lantern 64");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("That is not your current password.")).toBeVisible();

  await laptop.getByLabel("Current password").fill(password);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("Password changed")).toBeVisible();
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/account$/);

  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});
