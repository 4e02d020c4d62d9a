import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addMemberByInvitation } from "./support/add-member";
import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");
const OPS = ["# Ops", "", "=====", "Deploys", "=====", "- Rollbacks", "- Feature flags", ""].join("\n");

/** Serious and critical accessibility violations on the page as it is (WCAG 2 A and AA rules). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the manager sees every hire live, filters by track, exports the CSV; both dashboards pass axe", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await signUpThroughApi(request, baseURL!, "Dashboard Org");
  await signInThroughForm(page, owner.email, owner.password);
  const api = `${baseURL}/api/v1/o/${owner.slug}`;
  const write = { headers: { origin: baseURL! } };
  const ada = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Ada Obi", role: "MEMBER" });
  const cy = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Cy Dee", role: "MEMBER" });
  const mentor = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Ben Ito", role: "MENTOR" });
  const publish = async (text: string) => {
    const created = await page.request.post(`${api}/tracks`, { data: { text }, ...write });
    const trackId = ((await created.json()) as { id: string }).id;
    expect((await page.request.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
    return trackId;
  };
  const starter = await publish(STARTER);
  const ops = await publish(OPS);
  const assign = async (trackId: string, userId: string) => {
    const assigned = await page.request.post(`${api}/assignments`, { data: { trackId, assigneeIds: [userId], mentorIds: [mentor.userId] }, ...write });
    expect(assigned.status()).toBe(201);
    return ((await assigned.json()) as { items: Array<{ id: string; version: { id: string } }> }).items[0]!;
  };
  const adaAssignment = await assign(starter, ada.userId);
  await assign(ops, cy.userId);

  await page.goto(`/o/${owner.slug}/dashboard`);
  const table = page.getByRole("table", { name: "Active assignments" });
  await expect(table.getByRole("row")).toHaveCount(3);
  const adaBar = table.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" });
  await expect(adaBar).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("heading", { name: "Where people stall" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Heatmap of Starter: percent done per section" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Ada checks an item; the manager's table follows without a reload.
  const adaContext = await browser.newContext({ baseURL: baseURL! });
  const adaPage = await adaContext.newPage();
  await signInThroughForm(adaPage, ada.email, ada.password);
  const version = await adaPage.request.get(`${api}/assignments/${adaAssignment.id}`);
  const nodes = ((await version.json()) as { nodes: Array<{ stableKey: string; title: string }> }).nodes;
  const variables = nodes.find((node) => node.title === "Variables")!.stableKey;
  expect((await adaPage.request.put(`${api}/assignments/${adaAssignment.id}/items/${variables}`, { data: { state: "DONE" }, ...write })).status()).toBe(200);
  await expect(adaBar).toHaveAttribute("aria-valuenow", "25");
  await adaContext.close();

  // Filtering by track keeps the choice in the URL; the CSV has the same rows.
  await page.getByLabel("Track").selectOption({ label: "Starter" });
  await expect(page).toHaveURL(new RegExp(`[?&]track=${starter}`));
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).not.toContainText("Cy Dee");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^cairn-${owner.slug}-dashboard-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
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

  // The mentor's dashboard: no serious accessibility violations either.
  const mentorContext = await browser.newContext({ baseURL: baseURL! });
  const mentorPage = await mentorContext.newPage();
  await signInThroughForm(mentorPage, mentor.email, mentor.password);
  await mentorPage.goto(`/o/${owner.slug}/mentor`);
  await expect(mentorPage.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" })).toHaveAttribute("aria-valuenow", "25");
  await expect(mentorPage.getByRole("list", { name: "Recent activity" })).toContainText("Ada Obi marked “Variables” done.");
  expect(await seriousViolations(mentorPage)).toEqual([]);
  // The manager's dashboard is not the mentor's page.
  expect((await mentorPage.goto(`/o/${owner.slug}/dashboard`))!.status()).toBe(404);
  await mentorContext.close();
});
