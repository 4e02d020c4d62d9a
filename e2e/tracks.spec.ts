import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";

// Playwright runs from the project root.
const SEED = readFileSync(path.resolve("lib/outline/seed/python-backend-roadmap.txt"), "utf8");
// Line 9 goes from level 1 straight to level 3.
const BROKEN = "# Broken\n\n=====\nBASICS\n=====\n\n- a\n  - b\n      - c\n";

test("an owner starts from the library, previews a broken file, then imports the seed and sees its sections", async ({ page, factory, signIn }) => {
  const team = await factory.team("Tracks Org");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}`);

  const nav = page.getByRole("navigation", { name: "Organization" });
  await nav.getByRole("link", { name: "Tracks" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/tracks$`));
  await expect(nav.getByRole("link", { name: "Tracks" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Import your own" })).toBeVisible();
  // One click from the empty state imports the built-in roadmap and opens it.
  await page.getByRole("button", { name: "Start from the Python Backend Roadmap" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/tracks/c[a-z0-9]+$`));
  await expect(page.getByText("Version 1 · Draft · 15 sections · 299 topics · 404 items")).toBeVisible();

  await nav.getByRole("link", { name: "Tracks" }).click();
  await expect(page.getByRole("list", { name: "Tracks" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("link", { name: "Import a track" }).click();
  await expect(page.getByRole("heading", { name: "Import a track" })).toBeVisible();

  const text = page.getByLabel("Roadmap text");
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  const file = page.getByLabel(/Or load a file/);
  await file.setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(1024 * 1024 + 1, "a") });
  await expect(page.getByRole("alert").filter({ hasText: "huge.txt" })).toContainText("at most 1 MB");
  await expect(text).toHaveValue("");
  await file.setInputFiles({ name: "broken.md", mimeType: "text/markdown", buffer: Buffer.from(BROKEN) });
  await expect(text).toHaveValue(BROKEN);
  await page.getByRole("button", { name: "Preview" }).click();
  const errors = page.getByRole("list", { name: "Errors" });
  await expect(errors).toContainText("Line 9, column 7:");
  await expect(errors).toContainText("indentation jumps from level 1 to level 3");
  await expect(importButton).toBeDisabled();
  // The text stays in the form after an error.
  await expect(text).toHaveValue(BROKEN);

  await text.fill(SEED);
  // A preview of other text does not vouch for this one.
  await expect(importButton).toBeDisabled();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("count-topics")).toHaveText("299");
  await expect(page.getByTestId("count-items")).toHaveText("404");
  await expect(page.getByTestId("count-sections")).toHaveText("15");
  await expect(errors).toHaveCount(0);
  const repairs = page.getByRole("list", { name: "Repairs" });
  await expect(repairs.getByRole("listitem").first()).toContainText("Line 1:");
  await expect(repairs.getByRole("listitem").first()).toContainText("🐍");
  // The tree preview opens a section with the keyboard.
  const tree = page.getByRole("group", { name: "Tree preview" });
  await expect(tree.locator("details")).toHaveCount(15);
  const firstSection = tree.locator("summary").first();
  await expect(firstSection).toContainText("FOUNDATIONS");
  await firstSection.focus();
  await page.keyboard.press("Enter");
  await expect(tree.getByText("Python runtime mastery (backend-useful parts only)")).toBeVisible();

  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/tracks/c[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)");
  await expect(page.getByText("Version 1 · Draft · 15 sections · 299 topics · 404 items")).toBeVisible();
  const stored = page.getByRole("group", { name: "Version 1 tree" });
  await expect(stored.locator("summary")).toHaveCount(15);
  await expect(stored.locator("summary").first()).toContainText("FOUNDATIONS");
  await expect(page.getByRole("link", { name: "Export as text" })).toHaveAttribute("href", /format=text$/);

  // The text export downloads under the name the server gives it.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as text" }).click();
  expect((await download).suggestedFilename()).toBe("python-backend-roadmap-complete-master-tree-v1.txt");

  // The list shows the new track with its counts.
  await nav.getByRole("link", { name: "Tracks" }).click();
  const rows = page.getByRole("list", { name: "Tracks" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Version 1 · Draft · 15 sections · 299 topics · 404 items");
  await expect(rows.nth(1)).toContainText("Version 1 · Draft · 15 sections · 299 topics · 404 items");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("a new hire sees the Tracks tab but cannot import", async ({ page, factory, signIn }) => {
  const team = await factory.team("Tracks Read Org");
  await signIn(page, await factory.person(team, { name: "Noah Kim", role: "MEMBER" }));
  await page.goto(`/o/${team.slug}`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Tracks" }).click();
  await expect(page.getByRole("heading", { name: "Tracks", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Showing/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start from the Python Backend Roadmap" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Import/ })).toHaveCount(0);

  await page.goto(`/o/${team.slug}/tracks/import`);
  await expect(page.getByText("Only owners and admins can import tracks.")).toBeVisible();
  await expect(page.getByLabel("Roadmap text")).toHaveCount(0);
});
