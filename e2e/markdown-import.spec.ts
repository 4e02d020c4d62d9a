import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

const CHECKLIST = [
  "# Team onboarding",
  "",
  "## Day 1",
  "",
  "- [ ] Set up the [laptop](https://it.example.com/laptop)",
  "  Ask IT for the disk encryption key.",
  "  - [x] Install the [password manager](https://pm.example.com)",
  "- [ ] Read the handbook (optional)",
  "",
  "## Day 2",
  "",
  "- [ ] First pull request",
  "  Links: [PR guide](https://docs.example.com/pr)",
  "",
].join("\n");

test("an admin pastes a Markdown checklist, sees it detected and previewed, imports it and sees the items with their links", async ({ page, factory, signIn }) => {
  const team = await factory.team("Markdown Import Org");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}/tracks/import`);
  await expect(page.getByRole("heading", { name: "Import a track" })).toBeVisible();
  // The library is offered beside the form: five built-in tracks.
  await expect(page.getByRole("list", { name: "Library" }).getByRole("listitem")).toHaveCount(5);

  await page.getByLabel("Roadmap text").fill(CHECKLIST);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-format")).toHaveText("Markdown detected");
  await expect(page.getByTestId("count-sections")).toHaveText("2");
  await expect(page.getByTestId("count-topics")).toHaveText("1");
  await expect(page.getByTestId("count-items")).toHaveText("3");
  await expect(page.getByTestId("count-optional")).toHaveText("1");
  const tree = page.getByRole("group", { name: "Tree preview" });
  await tree.locator("summary").first().click();
  await expect(tree.getByText("Set up the laptop")).toBeVisible();

  // Choosing the text format reads the same text as the text format, with its errors.
  await page.getByLabel("Format").selectOption("text");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-format")).toHaveText("Text format (as chosen)");
  await expect(page.getByRole("list", { name: "Errors" })).toBeVisible();
  await page.getByLabel("Format").selectOption("auto");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-format")).toHaveText("Markdown detected");

  // The form, the Markdown help, the preview and the library pass the WCAG 2.1 AA rules axe checks.
  await page.getByText("How Markdown is read").click();
  await expect(page.getByText("List items (")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/tracks/c[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team onboarding");
  await expect(page.getByText("Version 1 · Draft · 2 sections · 1 topic · 3 items")).toBeVisible();
  const stored = page.getByRole("group", { name: "Version 1 tree" });
  await stored.locator("summary").first().click();
  await expect(stored.getByText("Set up the laptop")).toBeVisible();
  await expect(stored.getByRole("link", { name: "laptop", exact: true })).toHaveAttribute("href", "https://it.example.com/laptop");
  await expect(stored.getByRole("link", { name: "password manager" })).toHaveAttribute("href", "https://pm.example.com");
  await stored.locator("summary").nth(1).click();
  await expect(stored.getByRole("link", { name: "PR guide" })).toHaveAttribute("href", "https://docs.example.com/pr");

  // Markdown export sits beside text and JSON, and downloads a .md file.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as Markdown" }).click();
  expect((await download).suggestedFilename()).toBe("team-onboarding-v1.md");
});

test("an admin tidies SHOUTED titles and emoji in the import preview, seeing each change before importing; it is never on by default", async ({ page, factory, signIn }) => {
  const team = await factory.team("Tidy Titles Org");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}/tracks/import`);
  const shouting = ["# 🚀 TEAM ONBOARDING", "", "## DAY 1 🎉", "", "- [ ] SET UP THE LAPTOP AND SSH KEYS", "- [ ] Read the handbook", "- [ ] 🎉", ""].join("\n");
  await page.getByLabel("Roadmap text").fill(shouting);
  await page.getByRole("button", { name: "Preview" }).click();

  const tidy = page.getByRole("checkbox", { name: "Tidy titles" });
  await expect(tidy).not.toBeChecked();
  await expect(page.getByText("3 titles have capitals or emoji to tidy")).toBeVisible();
  await page.getByText("What would change (3)").click();
  // Before → after for each changed title; mixed case and an emoji-only title are left as they are.
  await expect(page.getByRole("list", { name: "Title changes" }).getByRole("listitem")).toHaveText([
    "Track title: 🚀 TEAM ONBOARDING → Team Onboarding",
    "Line 3: DAY 1 🎉 → Day 1",
    "Line 5: SET UP THE LAPTOP AND SSH KEYS → Set Up the Laptop and SSH Keys",
  ]);
  const tree = page.getByRole("group", { name: "Tree preview" });
  await tree.locator("summary").first().click();
  await expect(tree.getByText("SET UP THE LAPTOP AND SSH KEYS")).toBeVisible();

  // Ticked, the preview's tree shows the tidied titles, and the import stores them.
  await tidy.check();
  await expect(tree.getByText("Set Up the Laptop and SSH Keys")).toBeVisible();
  await expect(tree.locator("summary").first()).toHaveText(/^Day 1\s*3 items$/);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/tracks/c[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team Onboarding");
  const stored = page.getByRole("group", { name: "Version 1 tree" });
  await stored.locator("summary").first().click();
  await expect(stored.getByText("Set Up the Laptop and SSH Keys")).toBeVisible();
  await expect(stored.getByText("Read the handbook")).toBeVisible();
  await expect(stored.getByText("🎉", { exact: true })).toBeVisible();
});
