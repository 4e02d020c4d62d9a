import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// 35 items outside any section: more than a page of the feed (30) once the hire has logged them, and no two
// of them one line (a person's rapid changes merge only on one item or in one section: the next test).
const ITEMS = Array.from({ length: 35 }, (_, index) => `Step ${index + 1}`);
const TRACK = ["# Steps", "", ...ITEMS.map((title) => `- ${title}`), ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });
const utcToday = () => new Date().toISOString().slice(0, 10);

test("the hire's changes reach the activity feed live, page by page, and their calendar counts today", async ({ page, factory, signIn, pageAs, baseURL }) => {
  // Two people's pages, live changes, three pages of the feed and the calendar: a journey's budget.
  test.setTimeout(60_000);
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

  // The owner's feed shows it at the top without a reload, with a link to the item (its panel open) and its time.
  const newest = ownerFeed.getByRole("listitem").first();
  await expect(newest).toContainText("Ada Obi marked “Step 35” done.");
  const step35 = nodes.find((node) => node.title === "Step 35")!.stableKey;
  await expect(newest.getByRole("link", { name: "Ada Obi marked “Step 35” done." })).toHaveAttribute("href", `/o/${team.slug}/assignments/${assignmentId}?item=${encodeURIComponent(step35)}&open=1`);
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

// Three items of one section, then a fourth in another with a note, evidence and its review.
const FASTAPI = ["# FastAPI", "", "=====", "FastAPI basics", "=====", "- Routes", "- Models", "- Dependencies", "", "=====", "Shipping", "=====", "- Testing", ""].join("\n");

test("the feed merges a hire's quick changes in one section into one line, live; a note is not a state; a review is one line; a line opens its item", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const team = await factory.team("Merged Activity Org");
  const hire = await factory.person(team, { name: "Noah Kim", role: "MEMBER" });
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const track = await api.publishedTrack({ text: FASTAPI });
  const key = async (title: string) => api.keyOf(track.id, title);
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
  const hireApi = new OrgApi(await pageAs(hire), baseURL!, team.slug);
  const put = async (title: string, body: unknown) => expect((await hireApi.send("PUT", `/assignments/${assignmentId}/items/${await key(title)}`, body)).status()).toBe(200);

  await page.goto(`/o/${team.slug}/activity`);
  const feed = page.getByRole("list", { name: "Activity" });
  await expect(feed.getByRole("listitem")).toHaveCount(1);
  await expect(liveStatus(page)).toHaveText("Live");

  // Each change arrives live and continues the top line.
  await put("Routes", { state: "DONE" });
  await expect(feed.getByRole("listitem").first()).toContainText("Noah Kim marked “Routes” done.");
  await put("Models", { state: "DONE" });
  await expect(feed.getByRole("listitem").first()).toContainText("Noah Kim completed 2 items in “FastAPI basics”.");
  await put("Dependencies", { state: "DONE" });
  await expect(feed.getByRole("listitem").first()).toContainText("Noah Kim completed 3 items in “FastAPI basics”.");
  await expect(feed.getByRole("listitem")).toHaveCount(2);

  // A note saved on an item in progress is a note, not "marked in progress".
  await put("Testing", { state: "IN_PROGRESS" });
  await put("Testing", { note: "pytest fixtures for the client." });
  await expect(feed.getByRole("listitem").first()).toContainText("Noah Kim saved a note on “Testing”.");
  await expect(feed.getByRole("listitem")).toHaveCount(4);

  // Evidence and its approval: a line each (the approval's "done" is part of it).
  const submitted = await hireApi.send("POST", `/assignments/${assignmentId}/items/${await key("Testing")}/evidence`, { note: "Tests pass." }, { "Idempotency-Key": crypto.randomUUID() });
  expect(submitted.status()).toBe(201);
  await expect(feed.getByRole("listitem").first()).toContainText("Noah Kim submitted evidence for “Testing”.");
  expect((await api.send("POST", `/evidence/${((await submitted.json()) as { id: string }).id}/review`, { decision: "APPROVE" })).status()).toBe(200);
  // Approving the last item also completes the track: that is a line of its own, above the review's one line.
  await expect(feed.getByRole("listitem").first()).toContainText("The track was completed.");
  await expect(feed.getByRole("listitem")).toHaveText([
    /^The track was completed\. · Noah Kim’s roadmap/,
    /^Ines Duarte approved the evidence for “Testing”\. · Noah Kim’s roadmap/,
    /^Noah Kim submitted evidence for “Testing”\./,
    /^Noah Kim saved a note on “Testing”\./,
    /^Noah Kim marked “Testing” in progress\./,
    /^Noah Kim completed 3 items in “FastAPI basics”\./,
    /^Ines Duarte assigned the track\./,
  ]);

  // The merged line opens its newest item on the roadmap, panel open.
  const dependencies = await key("Dependencies");
  await feed.getByRole("link", { name: "Noah Kim completed 3 items in “FastAPI basics”." }).click();
  await expect(page).toHaveURL(`/o/${team.slug}/assignments/${assignmentId}?item=${encodeURIComponent(dependencies)}&open=1`);
  await expect(page.getByRole("heading", { name: "Dependencies", exact: true })).toBeVisible();
});
