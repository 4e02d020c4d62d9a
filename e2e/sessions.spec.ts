import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("sign out everywhere ends the session in a second browser", async ({ browser, baseURL, request }) => {
  const { email, password, slug } = await signUpThroughApi(request, baseURL!, "Duarte Data");
  const openSignedIn = async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInThroughForm(page, email, password);
    await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
    return { context, page };
  };
  const laptop = await openSignedIn();
  const phone = await openSignedIn();

  await laptop.page.goto("/account");
  await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in/);

  // The other browser still holds its cookie, but the server no longer accepts it.
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await laptop.context.close();
  await phone.context.close();
});

test("an owner renames the organization and sets when hires count as stuck, from its settings page", async ({ page, baseURL, request }) => {
  const { email, password, slug } = await signUpThroughApi(request, baseURL!, "Rename Me Inc");
  await signInThroughForm(page, email, password);
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

test("changing the password keeps this browser signed in and signs the other one out", async ({ browser, baseURL, request }) => {
  const { email, password } = await signUpThroughApi(request, baseURL!, "Password Change Co");
  const open = async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInThroughForm(page, email, password);
    return { context, page };
  };
  const laptop = await open();
  const phone = await open();

  await laptop.page.goto("/account");
  await laptop.page.getByLabel("Current password").fill("wrong guess entirely 1");
  await laptop.page.getByLabel("New password").fill("cobalt meadow lantern 64");
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByText("That is not your current password.")).toBeVisible();

  await laptop.page.getByLabel("Current password").fill(password);
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByText("Password changed")).toBeVisible();
  await laptop.page.reload();
  await expect(laptop.page).toHaveURL(/\/account$/);

  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await laptop.context.close();
  await phone.context.close();
});
