import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// Each test works in its own copy of the demo organization (its six people), so it may change them.

const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

test("an owner searches the members, makes a hire a mentor, and sees it after a reload", async ({ page, factory, signIn }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const demo = await factory.demoCopy();
  await signIn(page, demo.people.olivia);
  // The demo's setup is complete: its owner's home is the dashboard (decision 0039).
  await page.goto(`/o/${demo.slug}`);
  await expect(page).toHaveURL(new RegExp(`/o/${demo.slug}/dashboard$`));
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  await nav.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${demo.slug}/members$`));
  await expect(nav.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
  await expect(row(page, "Olivia Okafor")).toContainText("(you)");
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText("Showing 6 people.");

  await page.getByLabel("Search").fill("SAM");
  await expect(page).toHaveURL(/\?q=SAM$/);
  await expect(page.getByRole("row")).toHaveCount(2); // the header and Sam
  await expect(row(page, "Sam Rivera")).toContainText("New hire");

  await page.getByRole("button", { name: "Actions for Sam Rivera" }).click();
  await page.getByRole("menuitem", { name: "Make mentor" }).click();
  await expect(page.getByText("Sam Rivera is now a mentor.")).toBeVisible();
  await expect(row(page, "Sam Rivera")).toContainText("Mentor");

  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue("SAM");
  await expect(row(page, "Sam Rivera").getByRole("cell").nth(1)).toHaveText("Mentor");

  // The role filter narrows the list, and the URL keeps it.
  await page.getByLabel("Search").fill("");
  await page.getByLabel("Role").selectOption("MENTOR");
  await expect(page).toHaveURL(/\?role=MENTOR$/);
  await expect(row(page, "Sam Rivera")).toBeVisible();
  await expect(row(page, "Noah Kim")).toHaveCount(0);

  // Back to a new hire with the keyboard alone: ArrowDown opens the menu on its first item.
  const actions = page.getByRole("button", { name: "Actions for Sam Rivera" });
  await actions.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Make owner…" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Make new hire" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Sam Rivera is now a new hire.")).toBeVisible();
  // No longer a mentor: the filtered list drops the row.
  await expect(row(page, "Sam Rivera")).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("removing asks first, and cancelling changes nothing", async ({ page, factory, signIn }) => {
  const demo = await factory.demoCopy();
  await signIn(page, demo.people.olivia);
  await page.goto(`/o/${demo.slug}/members?q=lena`);
  const actions = page.getByRole("button", { name: "Actions for Lena Fischer" });
  await actions.click();
  await page.getByRole("menuitem", { name: "Remove from organization…" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Lena Fischer?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
  await page.reload();
  await expect(row(page, "Lena Fischer")).toContainText("Active");
});

test("an admin gets no actions on owners and manages only mentors and new hires", async ({ page, factory, signIn }) => {
  const demo = await factory.demoCopy();
  await signIn(page, demo.people.arjun);
  await page.goto(`/o/${demo.slug}/members`);
  await expect(row(page, "Olivia Okafor")).toContainText("Owner");
  await expect(page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Actions for Olivia Okafor" })).toHaveCount(0);

  await page.getByRole("button", { name: "Actions for Noah Kim" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["Make mentor", "Suspend", "Remove from organization…"]);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  // Their own row offers only leaving.
  await page.getByRole("button", { name: "Actions for Arjun Mehta" }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Leave organization…"]);
});
