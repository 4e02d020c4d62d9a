import type { Page } from "@playwright/test";
import { addMemberByInvitation } from "./support/add-member";
import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "- Types", "- Scope", ""].join("\n");
const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem", { name: title, exact: true });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });

test("the mentor follows the hire's roadmap live, and catches up on what happened while offline", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await signUpThroughApi(request, baseURL!, "Live Org");
  await signInThroughForm(page, owner.email, owner.password);
  const api = `${baseURL}/api/v1/o/${owner.slug}`;
  const write = { headers: { origin: baseURL! } };
  const hire = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Ada Obi", role: "MEMBER" });
  const mentor = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Ben Ito", role: "MENTOR" });
  const track = await page.request.post(`${api}/tracks`, { data: { text: STARTER }, ...write });
  const trackId = ((await track.json()) as { id: string }).id;
  expect((await page.request.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
  const assigned = await page.request.post(`${api}/assignments`, { data: { trackId, assigneeIds: [hire.userId], mentorIds: [mentor.userId] }, ...write });
  expect(assigned.status()).toBe(201);
  const roadmapUrl = `/o/${owner.slug}/assignments/${((await assigned.json()) as { items: Array<{ id: string }> }).items[0]!.id}`;

  // The mentor watches the hire's roadmap (read-only), live.
  const mentorContext = await browser.newContext({ baseURL: baseURL! });
  const mentorPage = await mentorContext.newPage();
  await signInThroughForm(mentorPage, mentor.email, mentor.password);
  await mentorPage.goto(roadmapUrl);
  await expect(liveStatus(mentorPage)).toHaveText("Live");
  await expect(item(mentorPage, "Variables")).toHaveAttribute("aria-checked", "false");
  // And the mentor's dashboard, in a second tab.
  const dashboard = await mentorContext.newPage();
  await dashboard.goto(`/o/${owner.slug}/mentor`);
  const bar = dashboard.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" });
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await expect(liveStatus(dashboard)).toHaveText("Live");

  // The hire checks an item; the mentor's page shows it without a reload.
  const hireContext = await browser.newContext({ baseURL: baseURL! });
  const hirePage = await hireContext.newPage();
  await signInThroughForm(hirePage, hire.email, hire.password);
  await hirePage.goto(roadmapUrl);
  await item(hirePage, "Variables").focus();
  await hirePage.keyboard.press("Space");
  await expect(item(hirePage, "Variables")).toHaveAttribute("aria-checked", "true");
  await expect(item(mentorPage, "Variables")).toHaveAttribute("aria-checked", "true");
  await expect(mentorPage.getByText(/^1 of 4 items done/)).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "25");
  await expect(dashboard.getByRole("list", { name: "Recent activity" })).toContainText("Ada Obi marked “Variables” done.");
  await dashboard.close();

  // The mentor goes offline while the hire checks three more; back online, all three show.
  await mentorContext.setOffline(true);
  await expect(liveStatus(mentorPage)).not.toHaveText("Live");
  for (const title of ["Loops", "Types", "Scope"]) {
    await item(hirePage, title).focus();
    await hirePage.keyboard.press("Space");
    await expect(item(hirePage, title)).toHaveAttribute("aria-checked", "true");
  }
  await mentorContext.setOffline(false);
  await expect(liveStatus(mentorPage)).toHaveText("Live", { timeout: 40_000 });
  for (const title of ["Loops", "Types", "Scope"]) await expect(item(mentorPage, title)).toHaveAttribute("aria-checked", "true");
  await expect(mentorPage.getByText(/^4 of 4 items done/)).toBeVisible();

  await hireContext.close();
  await mentorContext.close();
});
