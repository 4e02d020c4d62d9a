import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// Decision 0030: relative dues set in the editor reach the hire as "due in …", and a manager extends the due date.
const TEXT = ["# Pacing", "", "=====", "Basics", "=====", "- Laptop", "- Accounts", "", "=====", "Later", "=====", "- Deploy", ""].join("\n");

const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const editorRow = (page: Page, name: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(name, { exact: true }) });

async function setDue(page: Page, title: string, kind: "Item details" | "Section details", unit: "day" | "week", count: string) {
  await editorRow(page, title).click();
  const panel = page.getByRole("form", { name: kind });
  await panel.getByLabel("Due on").selectOption(unit);
  await panel.getByLabel(unit === "day" ? "Day number" : "Week number").fill(count);
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(editorRow(page, title)).toContainText(`due ${unit} ${count}`);
}

test("a manager sets day and week dues in the editor, publishes and assigns; the hire sees them in words", async ({ page, factory, signIn, pageAs, baseURL }) => {
  // Three pages (the editor, the track, the hire's two) on a machine shared by several test runs.
  test.setTimeout(60_000);
  const team = await factory.team("Pacing Org");
  const hire = await factory.person(team, { name: "Ravi Menon", role: "MEMBER" });
  await signIn(page, team.owner);
  const ownerApi = new OrgApi(page, baseURL!, team.slug);
  const track = await ownerApi.importTrack({ text: TEXT, title: "Pacing starter" });

  await page.goto(`/o/${team.slug}/tracks/${track.id}/versions/1/edit`);
  await editorRow(page, "Basics").click();
  await page.keyboard.press("ArrowRight");
  await setDue(page, "Laptop", "Item details", "day", "1");
  await setDue(page, "Basics", "Section details", "week", "1");

  // Publish from the track's page.
  await page.goto(`/o/${team.slug}/tracks/${track.id}`);
  await page.getByRole("list", { name: "Versions" }).getByRole("button", { name: "Publish version 1" }).click();
  await page.getByRole("dialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("list", { name: "Versions" })).toContainText("Version 1 · Published");
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id], startDate: day(0), dueDate: day(14) });

  // The hire: My work lists this week's items first, then the roadmap says when each is due.
  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${team.slug}/me`);
  const week = hirePage.getByRole("region", { name: "This week" });
  await expect(week.getByRole("listitem")).toHaveCount(2);
  await expect(week.getByRole("listitem").first()).toContainText("Laptop");
  await expect(week.getByRole("listitem").first()).toContainText("due today");
  await expect(week.getByRole("listitem").nth(1)).toContainText("Accounts");
  await expect(week.getByRole("listitem").nth(1)).toContainText("due in 6 days");

  await week.getByRole("link", { name: "Laptop" }).click();
  await expect(hirePage).toHaveURL(new RegExp(`/assignments/${assignmentId}\\?item=`));
  const tree = hirePage.getByRole("tree");
  await expect(tree.getByRole("treeitem").filter({ has: hirePage.getByText("Laptop", { exact: true }) })).toContainText("due today");
  await expect(tree.getByRole("treeitem").filter({ has: hirePage.getByText("Accounts", { exact: true }) })).toContainText("due in 6 days");
  await expect(tree.getByRole("treeitem").filter({ has: hirePage.getByText("Basics", { exact: true }) })).toContainText("due in 6 days");
  await expect(hirePage.getByRole("heading", { name: "Due date" })).toBeHidden();
});

test("a manager extends the due date with a required reason; the history shows it, to the hire too", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const team = await factory.team("Extension Org");
  const hire = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  await signIn(page, team.owner);
  const ownerApi = new OrgApi(page, baseURL!, team.slug);
  const track = await ownerApi.publishedTrack({ text: TEXT.replace("Basics", "Basics (due week 1)"), title: "Extension starter" });
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id], startDate: day(0), dueDate: day(14) });

  await page.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  await page.getByRole("button", { name: "Extend due date" }).click();
  const dialog = page.getByRole("dialog", { name: "Extend due date" });
  await dialog.getByLabel("New due date").fill(day(14));
  await dialog.getByRole("button", { name: "Extend" }).click();
  await expect(dialog.getByText(/Choose a day after/)).toBeVisible();
  await dialog.getByLabel("New due date").fill(day(21));
  await dialog.getByRole("button", { name: "Extend" }).click();
  await expect(dialog.getByText("Say why the due date moves.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Conference week");
  await dialog.getByRole("button", { name: "Extend" }).click();
  await expect(dialog).toBeHidden();
  const history = page.getByRole("list", { name: "Due-date extensions" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Conference week");

  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  await expect(hirePage.getByRole("list", { name: "Due-date extensions" })).toContainText("Conference week");
  await expect(hirePage.getByRole("button", { name: "Extend due date" })).toHaveCount(0);
});
