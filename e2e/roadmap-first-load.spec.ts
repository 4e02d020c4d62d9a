import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const TRACK = ["# First load", "", "=====", "Basics", "=====", "- Variables", "- Loops", "", "=====", "Later", "=====", "- Modules", ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });

/**
 * The roadmap page reads the assignment on the server and hands it to react-query
 * (issue 17): a cold load is one trip, with no GET of the assignment from the browser,
 * and the page works from that copy.
 */
test("a cold load of the roadmap makes no request for the assignment, and the roadmap works from the server's copy", async ({ factory, pageAs, baseURL }) => {
  // A track set up through the API and two cold loads of the page: well within 30 s alone, not always on a busy machine.
  test.setTimeout(60_000);
  const team = await factory.team("First Load Org");
  const hire = await factory.person(team, { name: "Tomás Ibarra", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await ownerApi.publishedTrack({ text: TRACK });
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
  const detailPath = `/api/v1/o/${team.slug}/assignments/${assignmentId}`;

  const page = await pageAs(hire);
  const detailReads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname === detailPath) detailReads.push(request.url());
  });
  // The due-date history's query starts when the page mounts, as a refetch of a stale detail would.
  const mounted = () => page.waitForResponse((response) => new URL(response.url()).pathname === `${detailPath}/due-date-extensions`);

  let settled = mounted();
  await page.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  await expect(item(page, "Variables")).toBeVisible();
  expect(detailReads).toEqual([]);
  await settled;
  await expect(page.getByText(/^0 of 3 items done/)).toBeVisible();
  expect(detailReads).toEqual([]);

  // Writes start from the hydrated copy; a reload (another cold load) shows what the server has.
  const saved = page.waitForResponse((response) => response.request().method() === "PUT" && new URL(response.url()).pathname.startsWith(`${detailPath}/items/`));
  await item(page, "Variables").focus();
  await page.keyboard.press(" ");
  await expect(page.getByText(/^1 of 3 items done/)).toBeVisible();
  expect((await saved).status()).toBe(200);

  settled = mounted();
  await page.reload();
  await expect(item(page, "Variables")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText(/^1 of 3 items done/)).toBeVisible();
  await settled;
  expect(detailReads).toEqual([]);
});
