import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Person } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

/**
 * One set of numbers everywhere (issue 18, decision 0040): 2 sections, 5 topics (items with items
 * under them) and 11 items (leaves). Counted as items, topics used to make this 16.
 */
const TRACK = [
  "# Counting",
  "",
  "=====",
  "Basics",
  "=====",
  "- Python",
  "  - Variables",
  "  - Loops",
  "  - Functions",
  "    - Arguments",
  "    - Closures",
  "- Tools",
  "  - Git",
  "  - Editor",
  "",
  "=====",
  "Web",
  "=====",
  "- HTTP",
  "- Frameworks",
  "  - Django",
  "    - Models",
  "    - Views",
  "  - FastAPI",
  "- GraphQL",
  "",
].join("\n");

/** Parses the shared words (lib/progress/count-words.ts) out of a screen's text. */
function countsIn(text: string) {
  const done = /(\d+) of (\d+) items? done/.exec(text);
  const totals = /(\d+) counted(?: · (\d+) skipped)?(?: · (\d+) not applicable)?/.exec(text);
  return {
    done: done ? Number(done[1]) : null,
    counted: done ? Number(done[2]) : null,
    totals: totals ? { counted: Number(totals[1]), skipped: Number(totals[2] ?? 0), notApplicable: Number(totals[3] ?? 0) } : null,
  };
}

test("every screen counts the same assignment the same way: items are leaves, and what is left out is said", async ({ factory, pageAs, baseURL }) => {
  // Seven screens, each loaded and read (about 15–24 s on 2 shared cores): the budget of the other multi-page journeys.
  test.setTimeout(60_000);
  const team = await factory.team("Counts Org");
  const hire = await factory.person(team, { name: "Tomas Berg", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Mira Sol", role: "MENTOR" });
  const owner = await pageAs(team.owner);
  const api = new OrgApi(owner, baseURL!, team.slug);
  const track = await api.publishedTrack({ text: TRACK });
  const nodes = await api.nodes(track.id);
  const key = (title: string) => nodes.find((node) => node.title === title)!.stableKey;

  // Assigned with the Frameworks branch skipped (a topic holding a topic: 3 items); the hire
  // marks GraphQL not applicable, does three items and starts one.
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id], skippedKeys: [key("Frameworks")] });
  const hireApi = new OrgApi(await pageAs(hire), baseURL!, team.slug);
  const put = async (title: string, body: Record<string, string>) => expect((await hireApi.send("PUT", `/assignments/${assignmentId}/items/${key(title)}`, body)).status()).toBe(200);
  await put("GraphQL", { state: "NOT_APPLICABLE", notApplicableReason: "We only serve REST." });
  expect((await hireApi.send("POST", `/assignments/${assignmentId}/items/bulk`, { keys: ["Variables", "Loops", "Arguments"].map(key), state: "DONE" })).status()).toBe(200);
  await put("HTTP", { state: "IN_PROGRESS" });

  const DONE = "3 of 7 items done";
  const TOTALS = "7 counted · 3 skipped · 1 not applicable";

  // Every screen that shows the assignment: the same done count out of the same counted items,
  // and the same exclusions, in the same words. Each in a page of its own, loaded side by side.
  const screens: Array<{ name: string; who: Person; path: string; find: (page: Page) => Locator }> = [
    { name: "the hire's My work card", who: hire, path: `/o/${team.slug}/me`, find: (page) => page.getByRole("article", { name: "Counting" }) },
    { name: "the roadmap header", who: hire, path: `/o/${team.slug}/assignments/${assignmentId}`, find: (page) => page.getByRole("main") },
    { name: "the mentees dashboard", who: mentor, path: `/o/${team.slug}/mentees`, find: (page) => page.getByRole("listitem", { name: /Tomas Berg/ }) },
    { name: "the manager dashboard", who: team.owner, path: `/o/${team.slug}/dashboard`, find: (page) => page.getByRole("table", { name: "Active assignments" }).getByRole("row", { name: /Tomas Berg/ }) },
    { name: "the assignments table", who: team.owner, path: `/o/${team.slug}/assignments`, find: (page) => page.getByRole("row", { name: /Tomas Berg/ }) },
  ];
  const [seen] = await Promise.all([
    Promise.all(
      screens.map(async ({ name, who, path, find }) => {
        const page = await pageAs(who);
        await page.goto(path);
        const where = find(page);
        await expect(where, name).toContainText(DONE);
        await expect(where, name).toContainText(TOTALS);
        return countsIn(await where.innerText());
      }),
    ),
    (async () => {
      // The track page counts the version's items (leaves) and names its topics apart: 11 = 7 + 3 + 1.
      await owner.goto(`/o/${team.slug}/tracks/${track.id}`);
      await expect(owner.getByRole("heading", { name: "Version 1: 2 sections · 5 topics · 11 items" })).toBeVisible();
    })(),
    (async () => {
      // The assign form, the same branch ticked: the items it will count are the hire's counted
      // items plus the one marked not applicable later, and the same 3 skipped.
      const page = await pageAs(team.owner);
      await page.goto(`/o/${team.slug}/assignments/new?track=${track.id}`);
      await page.getByRole("checkbox", { name: /^Frameworks/ }).check();
      await expect(page.getByTestId("skip-counts")).toHaveText("Items: 8 counted · 3 skipped");
    })(),
  ]);
  expect(seen).toEqual(screens.map(() => ({ done: 3, counted: 7, totals: { counted: 7, skipped: 3, notApplicable: 1 } })));
});
