import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "- Types", "- Scope", ""].join("\n");
const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });

test("the mentor follows the hire's roadmap live, and catches up on what happened while offline", async ({ factory, pageAs, baseURL }) => {
  const team = await factory.team("Live Org");
  const hire = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Ben Ito", role: "MENTOR" });
  const api = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await api.publishedTrack({ text: STARTER });
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id] });
  const roadmapUrl = `/o/${team.slug}/assignments/${assignmentId}`;

  // The mentor watches the hire's roadmap (read-only), live.
  const mentorPage = await pageAs(mentor);
  const mentorContext = mentorPage.context();
  await mentorPage.goto(roadmapUrl);
  await expect(liveStatus(mentorPage)).toHaveText("Live");
  await expect(item(mentorPage, "Variables")).toHaveAttribute("aria-checked", "false");
  // And the mentor's dashboard, in a second tab.
  const dashboard = await mentorContext.newPage();
  await dashboard.goto(`/o/${team.slug}/mentees`);
  const bar = dashboard.getByRole("progressbar", { name: "Ada Obi’s progress on Starter" });
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await expect(liveStatus(dashboard)).toHaveText("Live");

  // The hire checks an item; the mentor's page shows it without a reload.
  const hirePage = await pageAs(hire);
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

});
