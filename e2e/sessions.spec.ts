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

test("an owner renames the organization from its settings page", async ({ page, baseURL, request }) => {
  const { email, password, slug } = await signUpThroughApi(request, baseURL!, "Rename Me Inc");
  await signInThroughForm(page, email, password);
  await page.goto(`/o/${slug}/settings`);
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A name has at least 2 characters.")).toBeVisible();
  await name.fill("Renamed Platform Guild");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization renamed")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Renamed Platform Guild");
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
