import type { Locator, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";
import type { PageAs, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// A small roadmap (the 703-node one costs most of a test's time to import under load) with
// sections, topics (items with items below them) and items.
const TRACK = [
  "# Backend basics",
  "",
  "=====",
  "Foundations",
  "=====",
  "- Functions",
  "  - positional arguments",
  "  - keyword-only parameters",
  "  - sentinel pattern",
  "  - forcing named args",
  "- Tooling",
  "  - virtual environments",
  "  - git workflow",
  "    - branching",
  "    - code review basics",
  "",
  "=====",
  "Testing (backend confidence)",
  "=====",
  "- Unit tests",
  "  - pure logic tests",
  "  - service layer tests",
  "- API tests",
  "  - endpoint tests",
  "  - permission tests",
  "",
].join("\n");
const FIRST = "positional arguments";
const SENT_BACK = "keyword-only parameters";
const APPROVED = "sentinel pattern";
const WAITING = "forcing named args";
const MISSING = "virtual environments";

// A row is named by all it shows, title first (roadmap-row.tsx): find it by its title.
const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const chip = (page: Page, name: RegExp) => page.getByRole("radio", { name });
const results = (page: Page) => page.getByRole("status").filter({ hasText: /^\d+ results?$/ });
/** A chip's radio is visually hidden inside its label: the label is what a person clicks. */
const choose = (page: Page, radio: Locator) => page.locator("label", { has: radio }).click();

/**
 * The small roadmap with four evidence items in its first section, assigned to Noor with
 * the owner as mentor, and one Testing item done; with `attempts` (the default), of the four:
 * one approved, one sent back, one waiting, one started without evidence.
 */
async function evidenceRoadmap(factory: TestFactory, pageAs: PageAs, baseURL: string, { attempts = true }: { attempts?: boolean } = {}) {
  const team = await factory.team("Roadmap Evidence Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  const track = await ownerApi.importTrack({ text: TRACK });
  const nodes = await ownerApi.nodes(track.id);
  const keys = Object.fromEntries([APPROVED, SENT_BACK, WAITING, MISSING, "pure logic tests"].map((title) => [title, nodes.find((node) => node.title === title)!.stableKey]));
  for (const title of [APPROVED, SENT_BACK, WAITING, MISSING]) {
    expect((await ownerApi.send("PATCH", `/tracks/${track.id}/versions/1/nodes/${keys[title]}`, { evidenceRequired: true })).status()).toBe(200);
  }
  await ownerApi.publish(track.id);
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
  const hireApi = new OrgApi(await pageAs(hire), baseURL, team.slug);
  const mentorApi = ownerApi;
  const submit = async (title: string) => {
    const response = await hireApi.send("POST", `/assignments/${assignmentId}/items/${keys[title]}/evidence`, { note: `My notes on ${title}.` }, { "Idempotency-Key": crypto.randomUUID() });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const review = async (attemptId: string, body: { decision: "APPROVE" | "REQUEST_CHANGES"; comment?: string }) =>
    expect((await mentorApi.send("POST", `/evidence/${attemptId}/review`, body)).status()).toBe(200);
  expect((await hireApi.send("PUT", `/assignments/${assignmentId}/items/${keys["pure logic tests"]}`, { state: "DONE" })).status()).toBe(200);
  const url = `/o/${team.slug}/assignments/${assignmentId}`;
  if (!attempts) return { hire, url, approveWaiting: async () => {} };
  await review(await submit(APPROVED), { decision: "APPROVE" });
  await review(await submit(SENT_BACK), { decision: "REQUEST_CHANGES", comment: "Show one call site." });
  const waiting = await submit(WAITING);
  expect((await hireApi.send("PUT", `/assignments/${assignmentId}/items/${keys[MISSING]}`, { state: "IN_PROGRESS" })).status()).toBe(200);
  return { hire, url, approveWaiting: () => review(waiting, { decision: "APPROVE" }) };
}

test("a hire sees each item's evidence on the roadmap, filters what needs them and what waits on the mentor, and a review shows at once", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, url, approveWaiting } = await evidenceRoadmap(factory, pageAs, baseURL!);
  await signIn(page, hire);
  await page.goto(url);

  // Each row says its evidence in words, and that the item requires it.
  await expect(item(page, APPROVED)).toContainText("approved");
  await expect(item(page, APPROVED)).toHaveAccessibleName(/\bapproved\b.* evidence required$/);
  await expect(item(page, SENT_BACK)).toContainText("changes requested");
  await expect(item(page, WAITING)).toContainText("waiting for review");
  await expect(item(page, MISSING)).toContainText("evidence required");
  await expect(item(page, FIRST)).not.toContainText("evidence");
  // Next up marks the item that needs evidence (the approved one is done, so it is not next).
  const nextUp = page.getByRole("region", { name: "Next up:" });
  await expect(nextUp.getByRole("button")).toHaveText([FIRST, SENT_BACK, WAITING].map((title) => new RegExp(`^${escape(title)}`)));
  await expect(nextUp.getByRole("button", { name: `${SENT_BACK} (evidence required)`, exact: true })).toBeVisible();
  await expect(nextUp.getByRole("button", { name: FIRST, exact: true })).toBeVisible();

  // Needs my action: the attempt sent back, and the started item with no evidence yet.
  await expect(chip(page, /^Needs my action 2$/)).toBeVisible();
  await choose(page, chip(page, /^Needs my action/));
  await expect(results(page)).toHaveText("2 results");
  await expect(item(page, MISSING)).toBeVisible();
  await expect(item(page, APPROVED)).toHaveCount(0);
  await expect(item(page, WAITING)).toHaveCount(0);

  // Waiting on mentor: the attempt under review; the mentor's approval reaches the open page by itself.
  await choose(page, chip(page, /^Waiting on mentor/));
  await expect(results(page)).toHaveText("1 result");
  await expect(item(page, WAITING)).toContainText("waiting for review");
  await expect(item(page, SENT_BACK)).toHaveCount(0);
  await approveWaiting();
  await expect(page.getByText("No items match this search and filter.")).toBeVisible();
  await expect(chip(page, /^Waiting on mentor 0$/)).toBeVisible();
  await choose(page, chip(page, /^All/));
  await expect(item(page, WAITING)).toContainText("approved");
});

test("the roadmap's evidence badges, marks and filters pass axe (WCAG 2.2 AA: nothing serious or critical)", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, url } = await evidenceRoadmap(factory, pageAs, baseURL!);
  await signIn(page, hire);
  await page.goto(url);
  // A topic's whole subtree: every badge is in it.
  await page.getByLabel("Search items").fill("functions");
  await expect(results(page)).toHaveText("4 results");
  await expect(item(page, APPROVED)).toContainText("approved");
  const axe = await new AxeBuilder({ page }).include("article[aria-labelledby='roadmap-heading']").withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  const serious = axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(" ")} (${node.failureSummary ?? ""})`).join("; ")}`)).toEqual([]);
});

test("searching for a section shows its whole subtree; the chips count within the search; Clear and Escape empty it", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, url } = await evidenceRoadmap(factory, pageAs, baseURL!, { attempts: false });
  await signIn(page, hire);
  await page.goto(url);
  const search = page.getByLabel("Search items");
  await expect(chip(page, /^All 11$/)).toBeVisible();
  await expect(chip(page, /^Done 1$/)).toBeVisible();

  // The section's title matches: all 4 items below it show, not only the section's row.
  await search.fill("testing");
  await expect(results(page)).toHaveText("4 results");
  await expect(item(page, "Testing (backend confidence)")).toBeVisible();
  await expect(item(page, "pure logic tests")).toBeVisible();
  await expect(item(page, "permission tests")).toBeVisible();
  await expect(item(page, "positional arguments")).toHaveCount(0);
  await expect(chip(page, /^All 4$/)).toBeVisible();
  await expect(chip(page, /^Done 1$/)).toBeVisible();
  await expect(chip(page, /^Not started 3$/)).toBeVisible();
  await expect(chip(page, /^Not applicable 0$/)).toBeVisible();
  await expect(chip(page, /^Needs my action 0$/)).toBeVisible();

  // A topic (an item with items below it) brings its subtree too.
  await search.fill("git workflow");
  await expect(results(page)).toHaveText("2 results");
  await expect(item(page, "branching")).toBeVisible();
  await expect(item(page, "code review basics")).toBeVisible();

  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await expect(chip(page, /^All 11$/)).toBeVisible();
  await expect(results(page)).toHaveCount(0);

  await search.fill("testing");
  await expect(results(page)).toHaveText("4 results");
  await search.press("Escape");
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await expect(chip(page, /^All 11$/)).toBeVisible();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
