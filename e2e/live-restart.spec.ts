import type { Page } from "@playwright/test";
import { addMemberByInvitation } from "./support/add-member";
import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { secondServer } from "./support/second-server";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "- Types", ""].join("\n");
const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem", { name: title, exact: true });
const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });

test("a mentor on another instance sees the hire's changes live, and recovers by itself when that instance restarts", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(180_000);
  const other = await secondServer();
  try {
    const owner = await signUpThroughApi(request, baseURL!, "Restart Org");
    await signInThroughForm(page, owner.email, owner.password);
    const api = `${baseURL}/api/v1/o/${owner.slug}`;
    const write = { headers: { origin: baseURL! } };
    const hire = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Kai Moss", role: "MEMBER" });
    const mentor = await addMemberByInvitation(page.request, baseURL!, owner.slug, { name: "Lu Park", role: "MENTOR" });
    const trackId = ((await (await page.request.post(`${api}/tracks`, { data: { text: STARTER }, ...write })).json()) as { id: string }).id;
    expect((await page.request.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
    const assigned = await page.request.post(`${api}/assignments`, { data: { trackId, assigneeIds: [hire.userId], mentorIds: [mentor.userId] }, ...write });
    const roadmapUrl = `/o/${owner.slug}/assignments/${((await assigned.json()) as { items: Array<{ id: string }> }).items[0]!.id}`;

    // The mentor is on the second instance; the hire on the first.
    const mentorContext = await browser.newContext({ baseURL: other.baseUrl });
    const mentorPage = await mentorContext.newPage();
    await signInThroughForm(mentorPage, mentor.email, mentor.password);
    await mentorPage.goto(roadmapUrl);
    await expect(liveStatus(mentorPage)).toHaveText("Live");
    const hireContext = await browser.newContext({ baseURL: baseURL! });
    const hirePage = await hireContext.newPage();
    await signInThroughForm(hirePage, hire.email, hire.password);
    await hirePage.goto(roadmapUrl);
    await item(hirePage, "Variables").focus();
    await hirePage.keyboard.press("Space");
    await expect(item(mentorPage, "Variables")).toHaveAttribute("aria-checked", "true");

    // The mentor's instance restarts while the hire works; the open page recovers without a reload.
    await other.stop();
    await expect(liveStatus(mentorPage)).not.toHaveText("Live");
    for (const title of ["Loops", "Types"]) {
      await item(hirePage, title).focus();
      await hirePage.keyboard.press("Space");
      await expect(item(hirePage, title)).toHaveAttribute("aria-checked", "true");
    }
    await other.start();
    await expect(liveStatus(mentorPage)).toHaveText("Live", { timeout: 60_000 });
    for (const title of ["Loops", "Types"]) await expect(item(mentorPage, title)).toHaveAttribute("aria-checked", "true");
    await expect(mentorPage.getByText(/^3 of 3 items done/)).toBeVisible();
    await hireContext.close();
    await mentorContext.close();
  } finally {
    await other.stop();
  }
});
