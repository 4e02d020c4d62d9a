/**
 * Issue 18's speed target: every main page usable ≤ 1 s after navigation on localhost, with the
 * production build, in headless Chromium. The pages are the demo's (a copy, so the 703-item
 * roadmap and its people): My work and the roadmap as the hire, the review queue and the mentees
 * page as the mentor, the dashboard and the track editor as the manager. Run with
 *   npm run bench:main-pages
 * Each page is loaded BENCH_LOADS times (5 by default) after one warm-up, as a navigation from
 * another page of the organization (what a person does) and as a fresh load (the document and
 * everything after it). Usable = the page's heading shows, no panel says "Loading …", and the
 * page's own data is on screen. It prints each page's median and worst, and the machine's load
 * (1-minute average, cores) before and after: a busy machine's figures say little. Not a test:
 * nothing passes or fails on time.
 */
import os from "node:os";
import type { Page } from "@playwright/test";
import { expect, test } from "../../e2e/support/fixtures";
import { OrgApi } from "../../e2e/support/org-api";

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const TARGET_MS = 1000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () => `load ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`;

/** The page is usable: its heading, no panel still loading, and `data` (the page's own content) visible. */
async function usable(page: Page, data: (page: Page) => ReturnType<Page["locator"]>) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(data(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 30_000 });
}

async function measure(page: Page, label: string, path: string, from: string, data: (page: Page) => ReturnType<Page["locator"]>) {
  const fresh: number[] = [];
  const navigated: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    let started = Date.now();
    await page.goto(path, { waitUntil: "commit" });
    await usable(page, data);
    if (i > 0) fresh.push(Date.now() - started);
    // A navigation inside the app: from another page, by the link a person would follow (a client navigation).
    await page.goto(from);
    await usable(page, (p) => p.getByRole("heading", { level: 1 }));
    started = Date.now();
    await page.evaluate((target) => {
      const link = document.createElement("a");
      link.href = target;
      document.body.append(link);
      link.click();
    }, path);
    await page.waitForURL((url) => url.pathname + url.search === path);
    await usable(page, data);
    if (i > 0) navigated.push(Date.now() - started);
  }
  const verdict = (values: number[]) => (median(values) <= TARGET_MS ? "ok" : "OVER");
  process.stdout.write(
    `${label.padEnd(12)} fresh load: median ${String(median(fresh)).padStart(5)} ms, worst ${String(Math.max(...fresh)).padStart(5)} ms ${verdict(fresh)} · ` +
      `navigation: median ${String(median(navigated)).padStart(5)} ms, worst ${String(Math.max(...navigated)).padStart(5)} ms ${verdict(navigated)}\n`,
  );
}

test("the main pages are usable within a second of navigation", async ({ factory, pageAs, baseURL }) => {
  const demo = await factory.demoCopy();
  const { noah, mei, arjun } = demo.people;
  const base = `/o/${demo.slug}`;
  const managerPage = await pageAs(arjun);
  const api = new OrgApi(managerPage, baseURL!, demo.slug);
  const assignment = await factory.db.assignment.findFirstOrThrow({ where: { organization: { slug: demo.slug }, assigneeId: noah.id }, select: { id: true, trackId: true } });
  // The editor edits a draft: start one from the published version (or take the open one: 409 names it).
  const draft = await api.send("POST", `/tracks/${assignment.trackId}/drafts`);
  const answer = (await draft.json()) as { number?: number; error?: { details?: { draftNumber?: number } } };
  const draftNumber = answer.number ?? answer.error?.details?.draftNumber;
  if (!draftNumber) throw new Error(`no draft to edit: ${draft.status()} ${JSON.stringify(answer)}`);

  process.stdout.write(`\n${LOADS} loads per page after one warm-up; ${load()} before.\n`);
  const hirePage = await pageAs(noah);
  await measure(hirePage, "My work", `${base}/me`, `${base}/notifications`, (p) => p.getByRole("link", { name: /Python/ }));
  await measure(hirePage, "Roadmap", `${base}/assignments/${assignment.id}`, `${base}/me`, (p) => p.getByRole("tree").getByRole("treeitem"));
  const mentorPage = await pageAs(mei);
  await measure(mentorPage, "Queue", `${base}/reviews`, `${base}/notifications`, (p) => p.getByRole("main").getByRole("listitem"));
  await measure(mentorPage, "Mentees", `${base}/mentees`, `${base}/notifications`, (p) => p.getByRole("main").getByText(noah.name));
  await measure(managerPage, "Dashboard", `${base}/dashboard`, `${base}/notifications`, (p) => p.getByRole("main").getByRole("row").nth(1));
  await measure(managerPage, "Editor", `${base}/tracks/${assignment.trackId}/versions/${draftNumber}/edit`, `${base}/tracks`, (p) => p.getByRole("tree").getByRole("treeitem"));
  process.stdout.write(`${load()} after.\n`);
});
