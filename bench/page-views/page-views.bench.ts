/**
 * What one page view of an organization costs: requests by kind (the document, RSC
 * prefetches and navigations, API calls, the socket) and milliseconds until the page
 * shows its data, for a signed-in owner, with the production build. Run with
 *   npm run bench:page-views
 * Figures in bench/README.md ("page-views"). Not a test: nothing here passes or fails
 * on time.
 */
import type { Page, Request } from "@playwright/test";
import { expect, test } from "../../e2e/support/fixtures";
import { OrgApi } from "../../e2e/support/org-api";

const LOADS = Number(process.env.BENCH_LOADS ?? 8);
const TRACK = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");

type Kind = "document" | "rsc" | "api" | "badge" | "socket" | "static" | "other";

function kindOf(request: Request): Kind {
  const url = new URL(request.url());
  if (request.resourceType() === "document") return "document";
  if (url.pathname.startsWith("/socket.io")) return "socket";
  if (request.headers()["rsc"] === "1" || url.searchParams.has("_rsc")) return "rsc";
  if (/\/api\/v1\/o\/[^/]+\/(reviews|notifications)(\/|\?|$)/.test(url.pathname + url.search)) return "badge";
  if (url.pathname.startsWith("/api/")) return "api";
  if (url.pathname.startsWith("/_next/static")) return "static";
  return "other";
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Loads `path` LOADS times (after one warm-up) and reports the median of each figure. */
async function measure(page: Page, label: string, path: string, ready: (page: Page) => Promise<void>) {
  const runs: Array<Record<Kind, number> & { readyMs: number; quietMs: number }> = [];
  for (let i = 0; i <= LOADS; i++) {
    const counts: Record<Kind, number> = { document: 0, rsc: 0, api: 0, badge: 0, socket: 0, static: 0, other: 0 };
    const count = (request: Request) => (counts[kindOf(request)] += 1);
    const countSocket = () => (counts.socket += 1);
    page.on("request", count);
    page.on("websocket", countSocket);
    const started = Date.now();
    await page.goto(path, { waitUntil: "commit" });
    await ready(page);
    const readyMs = Date.now() - started;
    // Prefetches start once the page is idle; wait until the network has been quiet for 500 ms.
    await page.waitForLoadState("networkidle");
    const quietMs = Date.now() - started - 500;
    page.off("request", count);
    page.off("websocket", countSocket);
    if (i > 0) runs.push({ ...counts, readyMs, quietMs });
  }
  const figure = (key: keyof (typeof runs)[number]) => median(runs.map((run) => run[key]));
  const line = `${label.padEnd(22)} ready ${String(figure("readyMs")).padStart(5)} ms · quiet ${String(figure("quietMs")).padStart(5)} ms · requests: document ${figure("document")}, rsc ${figure("rsc")}, api ${figure("api")}, badges ${figure("badge")}, socket ${figure("socket")}, static ${figure("static")}, other ${figure("other")}`;
  process.stdout.write(`${line}\n`);
}

test("requests and milliseconds per page view, as an owner", async ({ page, factory, signIn, baseURL }) => {
  const team = await factory.team("Page View Org");
  const hire = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const track = await api.publishedTrack({ text: TRACK });
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
  process.stdout.write(`\n${LOADS} loads per page after one warm-up; medians. Machine: see bench/README.md.\n`);

  await measure(page, "overview", `/o/${team.slug}`, async (p) => {
    await expect(p.getByRole("heading", { level: 1, name: "Page View Org" })).toBeVisible();
  });
  await measure(page, "members", `/o/${team.slug}/members`, async (p) => {
    await expect(p.getByRole("rowheader", { name: /Ada Obi/ })).toBeVisible();
  });
  await measure(page, "assignments", `/o/${team.slug}/assignments`, async (p) => {
    await expect(p.getByTestId("assignment-row")).toHaveCount(1);
  });
  await measure(page, "assignment (roadmap)", `/o/${team.slug}/assignments/${assignmentId}`, async (p) => {
    await expect(p.getByRole("tree").getByRole("treeitem").first()).toBeVisible();
  });
});
