import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");
const OPS = ["# Ops", "", "=====", "Deploys", "=====", "- Rollbacks", "- Feature flags", ""].join("\n");

/** Serious and critical accessibility violations on the page as it is (WCAG 2 A and AA rules). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the manager sees every hire live, filters by track, sorts on the server, exports the CSV; the dashboard passes axe", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const team = await factory.team("Dashboard Org");
  const ada = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  const cy = await factory.person(team, { name: "Cy Dee", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Ben Ito", role: "MENTOR" });
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const starter = (await api.publishedTrack({ text: STARTER })).id;
  const ops = (await api.publishedTrack({ text: OPS })).id;
  const [adaAssignment] = await api.assign({ trackId: starter, assigneeIds: [ada.id], mentorIds: [mentor.id] });
  await api.assign({ trackId: ops, assigneeIds: [cy.id], mentorIds: [mentor.id] });

  await page.goto(`/o/${team.slug}/dashboard`);
  const table = page.getByRole("table", { name: "Active assignments" });
  await expect(table.getByRole("row")).toHaveCount(3);
  const adaBar = table.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" });
  await expect(adaBar).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("heading", { name: "Where people stall" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Heatmap of Starter: percent done per section" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Ada checks an item; the manager's table follows without a reload.
  const adaApi = new OrgApi(await pageAs(ada), baseURL!, team.slug);
  const variables = await api.keyOf(starter, "Variables");
  expect((await adaApi.send("PUT", `/assignments/${adaAssignment}/items/${variables}`, { state: "DONE" })).status()).toBe(200);
  await expect(adaBar).toHaveAttribute("aria-valuenow", "25");

  // Filtering by track keeps the choice in the URL; the CSV has the same rows.
  await page.getByLabel("Track").selectOption({ label: "Starter" });
  await expect(page).toHaveURL(new RegExp(`[?&]track=${starter}`));
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).not.toContainText("Cy Dee");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^cairn-${team.slug}-dashboard-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Hire,Email,Track,Mentors,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Ada Obi,e2e-ada-obi-[^,]+,Starter,Ben Ito,\d{4}-\d{2},/);

  // Sorting is the server's, kept in the URL with the filter; a reload keeps both.
  await page.getByRole("button", { name: "Progress" }).click();
  await expect(page).toHaveURL(/[?&]sort=progress/);
  await expect(table.getByRole("columnheader", { name: "Progress" })).toHaveAttribute("aria-sort", "ascending");
  await page.reload();
  await expect(page.getByLabel("Track")).toHaveValue(starter);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("columnheader", { name: "Progress" })).toHaveAttribute("aria-sort", "ascending");
});

test("the mentor's dashboard shows their mentees' progress and activity, passes axe, and the manager's dashboard is not theirs", async ({ factory, pageAs, baseURL }) => {
  const team = await factory.team("Mentor Dashboard Org");
  const ada = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Ben Ito", role: "MENTOR" });
  const api = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const starter = (await api.publishedTrack({ text: STARTER })).id;
  const [assignmentId] = await api.assign({ trackId: starter, assigneeIds: [ada.id], mentorIds: [mentor.id] });
  const adaApi = new OrgApi(await pageAs(ada), baseURL!, team.slug);
  expect((await adaApi.send("PUT", `/assignments/${assignmentId}/items/${await api.keyOf(starter, "Variables")}`, { state: "DONE" })).status()).toBe(200);

  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}/mentees`);
  await expect(mentorPage.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" })).toHaveAttribute("aria-valuenow", "25");
  await expect(mentorPage.getByRole("list", { name: "Recent activity" })).toContainText("Ada Obi marked “Variables” done.");
  expect(await seriousViolations(mentorPage)).toEqual([]);
  // The manager's dashboard is not the mentor's page.
  expect((await mentorPage.goto(`/o/${team.slug}/dashboard`))!.status()).toBe(404);
  // The page was at /mentor before issue 17: old bookmarks and emailed links land on /mentees, permanently.
  const old = await mentorPage.goto(`/o/${team.slug}/mentor`);
  expect(await old!.request().redirectedFrom()!.response().then((response) => response!.status())).toBe(308);
  await expect(mentorPage).toHaveURL(new RegExp(`/o/${team.slug}/mentees$`));
  await expect(mentorPage.getByRole("heading", { level: 1, name: "Mentees" })).toBeVisible();
});
