import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Person, Team, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const ROADMAP = "🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)";
// A second, small track, so that filtering by track has something to leave out.
const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });

/** Console errors of a page, but for failed requests (tests that refuse a request on purpose say so). */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  return errors;
}

/** An organization with a hire and a mentor, the roadmap and a small track published; the page signed in as the owner. */
async function organizationWithTracks(page: Page, factory: TestFactory, signIn: (page: Page, person: Person) => Promise<void>, baseURL: string) {
  const team: Team = await factory.team("Assignments Org");
  const hire = await factory.person(team, { name: "Hana Ito", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL, team.slug);
  const roadmap = await api.publishedTrack({ library: "python-backend-roadmap" });
  const starter = await api.publishedTrack({ text: STARTER });
  return { team, hire, mentor, api, roadmapId: roadmap.id, starterId: starter.id };
}

test("a manager assigns the roadmap through the form: problems by field, a skipped branch, one Idempotency-Key across a retry, and a conflict that names the hire", async ({ page, factory, signIn, baseURL }) => {
  // Chromium logs every failed request, and this test fails two on purpose (a dropped
  // connection and a 409); anything else logged as an error is a bug.
  const consoleErrors = consoleErrorsOf(page);
  const { team, api, roadmapId } = await organizationWithTracks(page, factory, signIn, baseURL!);

  // The tab, and the empty list's call to action.
  await page.goto(`/o/${team.slug}`);
  const nav = page.getByRole("navigation", { name: "Organization" });
  // Two groups (decision 0039): the owner's own work, then what they manage.
  await expect(nav.getByRole("group", { name: "Work" }).getByRole("link")).toHaveText(["My work", "Reviews", "Mentees", "Notifications", "Activity"]);
  // Setup may carry its "n/5" once the page is idle (first-run.spec.ts checks it).
  await expect(nav.getByRole("group", { name: "Manage" }).getByRole("link")).toHaveText([/^Setup/, "Dashboard", "Assignments", "Tracks", "Members", "Invitations", "Audit log", "Settings"]);
  await nav.getByRole("link", { name: "Assignments" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments$`));
  await expect(nav.getByRole("link", { name: "Assignments" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No assignments yet.")).toBeVisible();
  await page.getByRole("link", { name: "Assign a track" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments/new$`));

  // Sending an empty form names each problem next to its field and focuses the first.
  const assign = page.getByRole("button", { name: "Assign", exact: true });
  const trackSelect = page.getByLabel("Track", { exact: true });
  await assign.click();
  await expect(page.getByText("Choose a track.")).toBeVisible();
  await expect(page.getByText("Choose at least one person.")).toBeVisible();
  await expect(page.getByText("Choose at least one mentor.")).toBeVisible();
  await expect(trackSelect).toBeFocused();

  await trackSelect.selectOption({ label: ROADMAP });
  await expect(page.getByText(/^Assigns version 1, published [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/)).toBeVisible();
  await expect(page.getByText("Choose a track.")).toHaveCount(0);

  const people = page.getByRole("group", { name: "People", exact: true });
  const mentors = page.getByRole("group", { name: "Mentors", exact: true });
  const hana = people.getByRole("checkbox", { name: /Hana Ito/ });
  await hana.focus();
  await page.keyboard.press("Space");
  await expect(hana).toBeChecked();
  // Hana is no mentor of her own work (and a new hire mentors no one): the owner and Rosa remain.
  await expect(mentors.getByRole("checkbox")).toHaveCount(2);
  await mentors.getByRole("checkbox", { name: /Rosa Quispe/ }).check();
  await expect(page.getByLabel("Start date")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel("Due date (optional)").fill("2099-12-31");

  // Skip the Django branch: the counts move from "counted" to "skipped".
  const counts = page.getByTestId("skip-counts");
  await expect(counts).toHaveText(/^Items: \d+ counted$/);
  const everything = Number((await counts.textContent())!.match(/\d+/)![0]);
  const django = page.getByRole("checkbox", { name: /^Django track/ });
  await django.focus();
  await page.keyboard.press("Space");
  await expect(counts).toHaveText(/^Items: \d+ counted · \d+ skipped$/);
  const [left, skipped] = (await counts.textContent())!.match(/\d+/g)!.map(Number) as [number, number];
  expect(skipped).toBeGreaterThan(0);
  expect(left + skipped).toBe(everything);

  // The first attempt never reaches the server; the retry sends the same Idempotency-Key.
  const keys: string[] = [];
  const createUrl = `${api.base}/assignments`;
  await page.route(createUrl, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    return keys.length === 1 ? route.abort("connectionreset") : route.continue();
  });
  await assign.click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not reach Cairn" })).toBeVisible();
  await assign.click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments$`));
  await page.unroute(createUrl);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(UUID);
  expect(keys[1]).toBe(keys[0]);
  await expect(toasts(page)).toContainText(`${ROADMAP} is assigned to Hana Ito.`);

  // The row, with the server's progress: nothing done yet.
  const rows = page.getByTestId("assignment-row");
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row.getByRole("rowheader")).toContainText("Hana Ito");
  await expect(row).toContainText(ROADMAP);
  await expect(row).toContainText("Version 1");
  await expect(row).toContainText("Rosa Quispe");
  await expect(row).toContainText("Dec 31, 2099");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("0%");
  await expect(row).toContainText(`0 of ${left} items done`);
  await expect(row.getByRole("progressbar", { name: `Progress of Hana Ito on ${ROADMAP}` })).toHaveAttribute("aria-valuenow", "0");
  const created = await api.get<{ items: Array<{ id: string; skippedKeys: string[]; progress: { total: number; skipped: number } }> }>(`/assignments?trackId=${roadmapId}`);
  const djangoKey = (await api.nodes(roadmapId)).find((node) => node.title.startsWith("Django track"))!.stableKey;
  expect(created.items).toHaveLength(1);
  expect(created.items[0]!.skippedKeys).toEqual([djangoKey]);
  expect(created.items[0]!.progress).toMatchObject({ total: left, skipped });
  await expect(row.getByRole("link", { name: "Hana Ito" })).toHaveAttribute("href", `/o/${team.slug}/assignments/${created.items[0]!.id}`);

  // Assigning the same track to Hana again is a conflict that names her.
  await page.goto(`/o/${team.slug}/assignments/new?track=${roadmapId}`);
  await expect(page.getByText(/^Assigns version 1/)).toBeVisible();
  await people.getByRole("checkbox", { name: /Hana Ito/ }).check();
  await mentors.getByRole("checkbox", { name: /Rosa Quispe/ }).check();
  await assign.click();
  const conflict = page.getByRole("alert").filter({ hasText: "already has an active assignment of this track; nothing was assigned." });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("listitem")).toHaveText("Hana Ito: their current assignment");
  await expect(conflict.getByRole("link", { name: "their current assignment" })).toHaveAttribute("href", `/o/${team.slug}/assignments/${created.items[0]!.id}`);
  await expect(people.getByText("Hana Ito already has an active assignment of this track.")).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments$`));
  expect(consoleErrors).toEqual([]);
});

test("the assignments list keeps its filters in the URL; a manager changes mentors with the keyboard, archives after confirming and unarchives", async ({ page, factory, signIn, baseURL }) => {
  const consoleErrors = consoleErrorsOf(page);
  const { team, hire, mentor, api, roadmapId, starterId } = await organizationWithTracks(page, factory, signIn, baseURL!);
  await api.assign({ trackId: roadmapId, assigneeIds: [hire.id], mentorIds: [mentor.id], dueDate: "2099-12-31" });
  // A second assignment, long overdue.
  await api.assign({ trackId: starterId, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2020-01-06", dueDate: "2020-02-03" });
  await page.goto(`/o/${team.slug}/assignments`);
  const rows = page.getByTestId("assignment-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Starter" })).toContainText("Overdue · due Feb 3, 2020");

  // Filters live in the URL.
  await page.getByLabel("Overdue only").check();
  await expect(page).toHaveURL(/\?overdue=true$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Starter");
  await page.getByLabel("Overdue only").uncheck();
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Track", { exact: true }).selectOption({ label: ROADMAP });
  await expect(page).toHaveURL(new RegExp(`\\?track=${roadmapId}$`));
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Track", { exact: true })).toHaveValue(roadmapId);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ROADMAP);

  // Change the mentors, from the row's menu with the keyboard.
  const manage = page.getByRole("button", { name: `Manage Hana Ito's ${ROADMAP}` });
  await manage.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Change mentors…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const mentorsDialog = page.getByRole("dialog", { name: "Mentors of Hana Ito" });
  await mentorsDialog.getByRole("checkbox", { name: /Ines Duarte/ }).check();
  await mentorsDialog.getByRole("checkbox", { name: /Rosa Quispe/ }).uncheck();
  await mentorsDialog.getByRole("button", { name: "Save mentors" }).click();
  await expect(mentorsDialog).toBeHidden();
  await expect(toasts(page)).toContainText(`Hana Ito's ${ROADMAP} is now mentored by Ines Duarte.`);
  await expect(rows.first()).toContainText("Ines Duarte");
  await expect(rows.first()).not.toContainText("Rosa Quispe");

  // Archive: confirmed first; cancelling changes nothing.
  await manage.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Archive…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const archiveDialog = page.getByRole("dialog", { name: `Archive Hana Ito's ${ROADMAP}?` });
  await expect(archiveDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(archiveDialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await manage.click();
  await page.getByRole("menuitem", { name: "Archive…" }).click();
  await archiveDialog.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(toasts(page)).toContainText(`Hana Ito's ${ROADMAP} is archived.`);
  // Archived assignments leave the default list; the Archived filter finds them.
  await expect(page.getByText("No assignments match these filters.")).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("ARCHIVED");
  await expect(page).toHaveURL(new RegExp(`\\?track=${roadmapId}&status=ARCHIVED$`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Archived");
  await page.getByRole("button", { name: `Manage Hana Ito's ${ROADMAP}` }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Unarchive"]);
  await page.getByRole("menuitem", { name: "Unarchive" }).click();
  await expect(toasts(page)).toContainText(`Hana Ito's ${ROADMAP} is active again.`);
  await expect(page.getByText("No assignments match these filters.")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("a hire sees only their own assignments, with nothing to manage, and cannot assign", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const { team, hire, mentor, api, roadmapId, starterId } = await organizationWithTracks(page, factory, signIn, baseURL!);
  const other = await factory.person(team, { name: "Omar Said", role: "MEMBER" });
  await api.assign({ trackId: roadmapId, assigneeIds: [hire.id, other.id], mentorIds: [mentor.id] });
  await api.assign({ trackId: starterId, assigneeIds: [hire.id], mentorIds: [mentor.id] });

  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${team.slug}/assignments`);
  await expect(hirePage.getByText("The tracks assigned to you, with your progress.")).toBeVisible();
  await expect(hirePage.getByTestId("assignment-row")).toHaveCount(2);
  await expect(hirePage.getByText("Omar Said")).toHaveCount(0);
  await expect(hirePage.getByRole("button", { name: /^Manage/ })).toHaveCount(0);
  await expect(hirePage.getByRole("link", { name: "Assign a track" })).toHaveCount(0);
  await expect(hirePage.getByLabel("Person")).toHaveCount(0);
  await hirePage.goto(`/o/${team.slug}/assignments/new`);
  await expect(hirePage.getByText("Only owners and admins can assign tracks.")).toBeVisible();
  await expect(hirePage.getByRole("form", { name: "Assign a track" })).toHaveCount(0);
});

test("the assign form chooses the only assignable track; with a choice to make it chooses none", async ({ page, factory, signIn, baseURL }) => {
  const team: Team = await factory.team("One Track Org");
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const starter = await api.publishedTrack({ text: STARTER });
  // A draft never published is not assignable, so it leaves the choice alone.
  await api.importTrack({ text: STARTER.replace("# Starter", "# Unpublished") });

  await page.goto(`/o/${team.slug}/assignments/new`);
  const trackSelect = page.getByLabel("Track", { exact: true });
  await expect(trackSelect).toHaveValue(starter.id);
  await expect(page.getByText(/^Assigns version 1, published /)).toBeVisible();
  // The manager can still unchoose it: the form does not pick it again.
  await trackSelect.selectOption("");
  await expect(trackSelect).toHaveValue("");
  await expect(page.getByText("Only published versions are assigned.")).toBeVisible();

  // A second published track: nothing is chosen for the manager.
  await api.publishedTrack({ text: STARTER.replace("# Starter", "# Second") });
  await page.reload();
  await expect(page.getByRole("option", { name: "Second" })).toBeAttached();
  await expect(trackSelect).toHaveValue("");
  // A link may still name one (?track=, as "Assign this track" does).
  await page.goto(`/o/${team.slug}/assignments/new?track=${starter.id}`);
  await expect(trackSelect).toHaveValue(starter.id);
});
