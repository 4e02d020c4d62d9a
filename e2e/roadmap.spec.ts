import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { PageAs, Person, Team, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const FOUNDATIONS = "FOUNDATIONS (backend prerequisites)";
const FINAL = "WHAT “BACKEND COMPLETE” MEANS (final checklist)";
// The first leaves of the roadmap, in order, and how many rows (↓ presses) lie between them.
const FIRST = "left-to-right binding"; // 6 rows below FOUNDATIONS
const SECOND = "collisions (same param set twice)"; // 3 below FIRST
const THIRD = "sentinel pattern (object() / None + check)"; // 4 below SECOND
const FOURTH = "when to use (API stability, speed, clarity)"; // 3 below THIRD
const EVIDENCE = "forcing named args in public APIs"; // 3 below FOURTH; made to need evidence before publishing

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });
const doneCount = (page: Page, done: number) => page.getByText(new RegExp(`^${done} of 404 items done`));

async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Console errors of a page, but for failed requests (tests that refuse a request on purpose say so). */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  return errors;
}

interface Roadmap {
  team: Team;
  hire: Person;
  trackTitle: string;
  assignmentId: string;
  url: string;
  ownerApi: OrgApi;
}

/**
 * The built-in roadmap (404 items count) with one item needing evidence, published and
 * assigned to a hire with the owner as mentor, overdue since 2020.
 */
async function roadmapAssignment({ factory, pageAs, baseURL }: { factory: TestFactory; pageAs: PageAs; baseURL: string }): Promise<Roadmap> {
  const team = await factory.team("Roadmap Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  const track = await ownerApi.importTrack({ library: "python-backend-roadmap" });
  const evidenceKey = await ownerApi.keyOf(track.id, EVIDENCE);
  expect((await ownerApi.send("PATCH", `/tracks/${track.id}/versions/1/nodes/${evidenceKey}`, { evidenceRequired: true })).status()).toBe(200);
  await ownerApi.publish(track.id);
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id], startDate: "2020-01-06", dueDate: "2020-02-03" });
  return { team, hire, trackTitle: track.title, assignmentId: assignmentId!, url: `/o/${team.slug}/assignments/${assignmentId}`, ownerApi };
}

/** On the roadmap page: the keyboard from the first section to its first item, and Space marks it done. */
async function markFirstItemDone(page: Page) {
  await item(page, FOUNDATIONS).focus();
  await press(page, "ArrowDown", 6);
  await expect(item(page, FIRST)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(doneCount(page, 1)).toBeVisible();
}

/** Every progress write's status, in order. */
function progressWrites(page: Page): number[] {
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "PUT" && /\/items\/[^/]+$/.test(new URL(response.url()).pathname)) statuses.push(response.status());
  });
  return statuses;
}

test("a hire starts from My work and walks the roadmap with the keyboard: saved at once, in order, kept after a reload", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const consoleErrors = consoleErrorsOf(page);
  const { team, hire, trackTitle, assignmentId, ownerApi } = await roadmapAssignment({ factory, pageAs, baseURL: baseURL! });
  const puts = progressWrites(page);

  // The hire's home: the assignment with its progress, the overdue date in words, the mentor and what comes next.
  await signIn(page, hire);
  await page.goto(`/o/${team.slug}/me`);
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  const card = page.getByRole("article", { name: trackTitle });
  await expect(card).toContainText("0% · 0 of 404 items done");
  await expect(card.getByText("Overdue: was due Feb 3, 2020")).toBeVisible();
  await expect(card).toContainText("Mentors: Ines Duarte");
  await expect(card.getByRole("link", { name: FIRST })).toBeVisible();
  await card.getByRole("link", { name: `Start ${trackTitle}` }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments/${assignmentId}$`));

  // The roadmap opens on the hire's section; the keyboard walks it and Space marks items.
  await expect(page.getByRole("heading", { level: 1, name: trackTitle })).toBeVisible();
  await expect(doneCount(page, 0)).toBeVisible();
  await expect(item(page, FOUNDATIONS)).toHaveAttribute("aria-expanded", "true");
  await expect(item(page, FINAL)).toHaveAttribute("aria-expanded", "false");
  await item(page, FOUNDATIONS).focus();
  await press(page, "ArrowDown", 6);
  await expect(item(page, FIRST)).toBeFocused();
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press(" ");
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 1)).toBeVisible();
  await press(page, "ArrowDown", 3);
  await expect(item(page, SECOND)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(item(page, SECOND)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, FOUNDATIONS)).toContainText("2/43 · 4%");

  // A fast double toggle ends where it was: both writes reach the server, in order.
  await press(page, "ArrowDown", 4);
  await expect(item(page, THIRD)).toBeFocused();
  await expect.poll(() => puts.length).toBe(2);
  await page.keyboard.press(" ");
  await page.keyboard.press(" ");
  await expect(item(page, THIRD)).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => puts.length).toBe(4);
  expect(puts).toEqual([200, 200, 200, 200]);

  // ← folds and goes up, → unfolds: the keyboard reaches every row.
  await page.keyboard.press("ArrowLeft");
  await expect(item(page, "mutable default pitfall")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(item(page, "mutable default pitfall")).toHaveAttribute("aria-expanded", "false");
  await expect(item(page, THIRD)).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(item(page, THIRD)).toBeVisible();

  // A reload shows exactly what the server stored.
  await page.reload();
  await expect(doneCount(page, 2)).toBeVisible();
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, SECOND)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, THIRD)).toHaveAttribute("aria-checked", "false");
  const stored = await ownerApi.get<{ assignment: { progress: { done: number } } }>(`/assignments/${assignmentId}`);
  expect(stored.assignment.progress.done).toBe(2);
  expect(consoleErrors).toEqual([]);
});

test("a refused change rolls back with the server's reason, a dropped connection is tried again, and an evidence item is not checked off", async ({ page, factory, pageAs, signIn, baseURL }) => {
  // Chromium logs every failed request, and this test fails one on purpose (the 409); anything else is a bug.
  const consoleErrors = consoleErrorsOf(page);
  const { hire, url } = await roadmapAssignment({ factory, pageAs, baseURL: baseURL! });
  const puts = progressWrites(page);
  await signIn(page, hire);
  await page.goto(url);
  await expect(doneCount(page, 0)).toBeVisible();

  // The server refuses one change: the item goes back, and the toast says why; a 4xx is not tried again.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let refusedPuts = 0;
  await page.route(
    "**/items/*",
    async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      refusedPuts += 1;
      await held;
      await route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "CONFLICT", message: "This item changed on another device; reload to see it.", requestId: "x" } }) });
    },
    { times: 1 },
  );
  await item(page, FOUNDATIONS).focus();
  await press(page, "ArrowDown", 6 + 3 + 4 + 3);
  await expect(item(page, FOURTH)).toBeFocused();
  await page.keyboard.press(" ");
  // Shown at once, before the server answers.
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 1)).toBeVisible();
  release();
  await expect(toasts(page)).toContainText(`“${FOURTH}” was not saved`);
  await expect(toasts(page)).toContainText("This item changed on another device; reload to see it.");
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "false");
  await expect(doneCount(page, 0)).toBeVisible();
  expect(refusedPuts).toBe(1);
  expect(puts).toEqual([409]);

  // A dropped connection is tried again after a pause, and the change lands without a word.
  await page.route("**/items/*", (route) => (route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.fallback()), { times: 1 });
  await page.keyboard.press(" ");
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => puts.at(-1)).toBe(200);
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 1)).toBeVisible();
  await expect(toasts(page).getByText(/was not saved/)).toHaveCount(1);

  // An item that needs evidence is done only through an approved review: Space says so and sends nothing.
  await press(page, "ArrowDown", 3);
  await expect(item(page, EVIDENCE)).toBeFocused();
  const sent = puts.length;
  await page.keyboard.press(" ");
  await expect(item(page, EVIDENCE)).toContainText("needs evidence");
  await expect(item(page, EVIDENCE)).toHaveAttribute("aria-checked", "false");
  expect(puts.length).toBe(sent);
  expect(consoleErrors).toEqual([]);
});

test("Enter opens an item with its state and history, a note saves with Ctrl+Enter, and Escape returns to the row", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const consoleErrors = consoleErrorsOf(page);
  const { hire, url } = await roadmapAssignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(url);
  await markFirstItemDone(page);

  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: FIRST });
  await expect(panel).toContainText("State: Done");
  await expect(panel.getByRole("button", { name: "Mark not started" })).toBeVisible();
  await expect(panel.getByText("Not started → Done")).toBeVisible();
  await expect(panel).toContainText("by Noor Haddad");
  await panel.getByLabel("Your note").fill("Arguments bind left to right, then keywords.");
  await page.keyboard.press("Control+Enter");
  await expect(panel.getByText("Saved.")).toBeVisible();
  await expect(panel.getByText("Note changed")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(item(page, FIRST)).toBeFocused();
  await expect(item(page, FIRST)).toContainText("note");
  expect(consoleErrors).toEqual([]);
});

test("a section's Mark all done sends its items in one request; search keeps ancestors and the state filter narrows", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const consoleErrors = consoleErrorsOf(page);
  const { hire, url } = await roadmapAssignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(url);
  await markFirstItemDone(page);

  // Shift+F10 opens a section's actions.
  await item(page, FINAL).focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: "Mark all done (10 items)" }).click();
  await page.getByRole("dialog", { name: "Mark 10 items done?" }).getByRole("button", { name: "Mark done" }).click();
  await expect(toasts(page)).toContainText(`Marked 10 items done in “${FINAL}”.`);
  await expect(item(page, FINAL)).toContainText("10/10 · 100%");
  await expect(doneCount(page, 11)).toBeVisible();

  await page.getByLabel("Search items").fill("sentinel");
  await expect(page.getByRole("tree").getByRole("treeitem")).toHaveText([/FOUNDATIONS/, /Python runtime mastery/, /^functions/, /parameters & argument binding rules/, /^defaults/, /evaluation time/, /mutable default pitfall/, /sentinel pattern/]);
  await page.getByLabel("Search items").fill("");
  await page.locator("label", { has: page.getByRole("radio", { name: /^Done/ }) }).click();
  await expect(page.getByRole("radio", { name: /^Done/ })).toBeChecked();
  await expect(item(page, FIRST)).toBeVisible();
  await expect(item(page, THIRD)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("the mentor sees the same roadmap read-only", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const consoleErrors = consoleErrorsOf(page);
  const { team, hire, url } = await roadmapAssignment({ factory, pageAs, baseURL: baseURL! });
  const hirePage = await pageAs(hire);
  await hirePage.goto(url);
  await markFirstItemDone(hirePage);

  // The owner mentors the assignment.
  await signIn(page, team.owner);
  await page.goto(url);
  await expect(page.getByText("Viewing Noor Haddad’s progress")).toBeVisible();
  await expect(doneCount(page, 1)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await item(page, FOUNDATIONS).focus();
  await press(page, "ArrowDown", 6);
  await page.keyboard.press(" ");
  await expect(item(page, FIRST)).toContainText("read-only");
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "true");
  expect(consoleErrors).toEqual([]);
});

test("a search that matches only a section without items shows it and says it holds none; no match at all says so", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const team = await factory.team("Empty Section Org");
  const hire = await factory.person(team, { name: "Lea Brandt", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  // "Appendix" has no items: the parser warns and publishing keeps it.
  const outline = ["# Small", "", "=====", "Basics", "=====", "- Variables", "- Loops", "", "=====", "Appendix", "=====", ""].join("\n");
  const track = await ownerApi.publishedTrack({ text: outline });
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
  await signIn(page, hire);
  await page.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  const results = page.getByRole("status").filter({ hasText: /results?/ });

  await page.getByLabel("Search items").fill("loop");
  await expect(results).toHaveText("1 result");
  await page.getByLabel("Search items").fill("appendix");
  await expect(page.getByRole("tree").getByRole("treeitem")).toHaveText([/^Appendix/]);
  await expect(results).toHaveText("0 results: what matches holds no items");
  await page.getByLabel("Search items").fill("nothing like this");
  await expect(results).toHaveText("0 results");
  await expect(page.getByText("No items match this search and filter.")).toBeVisible();
});
