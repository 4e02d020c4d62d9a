import type { Page } from "@playwright/test";
import { addMemberByInvitation } from "./support/add-member";
import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

// One section of 35 items: more than a page of the feed (30) once the hire has logged them.
const ITEMS = Array.from({ length: 35 }, (_, index) => `Step ${index + 1}`);
const TRACK = ["# Steps", "", "=====", "Basics", "=====", ...ITEMS.map((title) => `- ${title}`), ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem", { name: title, exact: true });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });
const utcToday = () => new Date().toISOString().slice(0, 10);

test("the hire's changes reach the activity feed live, page by page, and their calendar counts today", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await signUpThroughApi(page.request, baseURL!, "Activity Org");
  await signInThroughForm(page, owner.email, owner.password);
  const api = `${baseURL}/api/v1/o/${owner.slug}`;
  const write = { headers: { origin: baseURL! } };
  const ownerId = ((await (await page.request.get(`${baseURL}/api/v1/me`)).json()) as { user: { id: string } }).user.id;
  const hire = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Ada Obi", role: "MEMBER" });
  const track = await page.request.post(`${api}/tracks`, { data: { text: TRACK }, ...write });
  expect(track.status()).toBe(201);
  const trackId = ((await track.json()) as { id: string }).id;
  const nodes = ((await (await page.request.get(`${api}/tracks/${trackId}/versions/1`)).json()) as { nodes: Array<{ title: string; stableKey: string }> }).nodes;
  expect((await page.request.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
  const assigned = await page.request.post(`${api}/assignments`, { data: { trackId, assigneeIds: [hire.userId], mentorIds: [ownerId] }, ...write });
  expect(assigned.status()).toBe(201);
  const assignmentId = ((await assigned.json()) as { items: Array<{ id: string }> }).items[0]!.id;

  // The hire starts 34 items at once (34 events), through the API.
  const hireContext = await browser.newContext({ baseURL: baseURL! });
  const hirePage = await hireContext.newPage();
  await signInThroughForm(hirePage, hire.email, hire.password);
  const started = ITEMS.slice(0, 34).map((title) => nodes.find((node) => node.title === title)!.stableKey);
  expect((await hirePage.request.post(`${api}/assignments/${assignmentId}/items/bulk`, { data: { keys: started, state: "IN_PROGRESS" }, ...write })).status()).toBe(200);

  // The owner keeps the organization's feed open.
  await page.goto(`/o/${owner.slug}/activity`);
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const ownerFeed = page.getByRole("list", { name: "Activity" });
  await expect(ownerFeed.getByRole("listitem")).toHaveCount(30);
  await expect(ownerFeed.getByRole("listitem").first()).toContainText(/^Ada Obi marked “Step \d+” in progress\./);
  await expect(liveStatus(page)).toHaveText("Live");

  // On the assignment page, the hire's calendar already counts today's 34 changes.
  await hirePage.goto(`/o/${owner.slug}/assignments/${assignmentId}`);
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
  await expect(newest.getByRole("link", { name: "Ada Obi marked “Step 35” done." })).toHaveAttribute("href", `/o/${owner.slug}/assignments/${assignmentId}`);
  await expect(newest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

  // The hire's calendar follows live too; its table says the same as the chart, with today's row.
  await expect(calendar).toContainText("1 active day in the last 12 months (35 changes)");
  await calendar.getByText("Active days as a table").click();
  const table = calendar.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2); // the header and today
  const todayRow = table.getByRole("row").filter({ has: hirePage.locator(`time[datetime="${before}"], time[datetime="${after}"]`) });
  await expect(todayRow.getByRole("cell")).toHaveText("35");

  // The hire's own feed: 30 entries, then "Show older" from the keyboard adds the rest and moves focus to the first of them.
  await hirePage.goto(`/o/${owner.slug}/activity`);
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

  await hireContext.close();
});
