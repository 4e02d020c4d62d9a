import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// One section of 35 items: more than a page of the feed (30) once the hire has logged them.
const ITEMS = Array.from({ length: 35 }, (_, index) => `Step ${index + 1}`);
const TRACK = ["# Steps", "", "=====", "Basics", "=====", ...ITEMS.map((title) => `- ${title}`), ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });
const utcToday = () => new Date().toISOString().slice(0, 10);

test("the hire's changes reach the activity feed live, page by page, and their calendar counts today", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const team = await factory.team("Activity Org");
  const hire = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const track = await api.publishedTrack({ text: TRACK });
  const nodes = await api.nodes(track.id);
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });

  // The hire starts 34 items at once (34 events), through the API.
  const hirePage = await pageAs(hire);
  const hireApi = new OrgApi(hirePage, baseURL!, team.slug);
  const started = ITEMS.slice(0, 34).map((title) => nodes.find((node) => node.title === title)!.stableKey);
  expect((await hireApi.send("POST", `/assignments/${assignmentId}/items/bulk`, { keys: started, state: "IN_PROGRESS" })).status()).toBe(200);

  // The owner keeps the organization's feed open.
  await page.goto(`/o/${team.slug}/activity`);
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const ownerFeed = page.getByRole("list", { name: "Activity" });
  await expect(ownerFeed.getByRole("listitem")).toHaveCount(30);
  await expect(ownerFeed.getByRole("listitem").first()).toContainText(/^Ada Obi marked “Step \d+” in progress\./);
  await expect(liveStatus(page)).toHaveText("Live");

  // On the assignment page, the hire's calendar already counts today's 34 changes.
  await hirePage.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  const calendar = hirePage.getByRole("region", { name: "Your activity" });
  await expect(calendar).toContainText("1 active day in the last 12 months (34 changes)");
  await expect(liveStatus(hirePage)).toHaveText("Live");

  // The hire checks one more item with the keyboard.
  const before = utcToday();
  await item(hirePage, "Step 35").focus();
  await hirePage.keyboard.press("Space");
  await expect(item(hirePage, "Step 35")).toHaveAttribute("aria-checked", "true");
  const after = utcToday();

  // The owner's feed shows it at the top without a reload, with a link to the assignment and its time.
  const newest = ownerFeed.getByRole("listitem").first();
  await expect(newest).toContainText("Ada Obi marked “Step 35” done.");
  await expect(newest.getByRole("link", { name: "Ada Obi marked “Step 35” done." })).toHaveAttribute("href", `/o/${team.slug}/assignments/${assignmentId}`);
  await expect(newest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

  // The hire's calendar follows live too; its table says the same as the chart, with today's row.
  await expect(calendar).toContainText("1 active day in the last 12 months (35 changes)");
  await calendar.getByText("Active days as a table").click();
  const table = calendar.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2); // the header and today
  const todayRow = table.getByRole("row").filter({ has: hirePage.locator(`time[datetime="${before}"], time[datetime="${after}"]`) });
  await expect(todayRow.getByRole("cell")).toHaveText("35");

  // The hire's own feed: 30 entries, then "Show older" from the keyboard adds the rest and moves focus to the first of them.
  await hirePage.goto(`/o/${team.slug}/activity`);
  const feed = hirePage.getByRole("list", { name: "Activity" });
  await expect(feed.getByRole("listitem")).toHaveCount(30);
  await expect(feed.getByRole("listitem").first()).toContainText("Ada Obi marked “Step 35” done.");
  const older = hirePage.getByRole("button", { name: "Show older" });
  await older.focus();
  await hirePage.keyboard.press("Enter");
  // 35 progress changes and the assignment itself.
  await expect(feed.getByRole("listitem")).toHaveCount(36);
  await expect(feed.getByRole("listitem").nth(30).getByRole("link")).toBeFocused();
  await expect(feed.getByRole("listitem").last()).toContainText("Ines Duarte assigned the track.");
  await expect(hirePage.getByText("No older activity.")).toBeVisible();
  await expect(older).toHaveCount(0);

});
