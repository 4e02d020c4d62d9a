import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { OrgApi } from "./support/org-api";
import { expect, test } from "./support/fixtures";

// Basics > Variables > (Types, Scope), Basics > Loops; Web > (HTTP, Routing).
const TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "  - Types", "  - Scope", "- Loops", "", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");

/** Serious and critical accessibility violations inside `selector` (WCAG 2 A and AA rules). */
async function seriousViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });

test("a manager publishes v2 (renamed, moved, removed, new items) and upgrades three hires at once; each keeps progress and sees the removed item's history", async ({
  page,
  factory,
  signIn,
  pageAs,
  baseURL,
}) => {
  // Four people in four browsers, a published v2 and three roadmaps read through: about 25 s on the shared 2-core machine.
  test.setTimeout(90_000);
  const team = await factory.team("Upgrade Org");
  const mentor = await factory.person(team, { name: "Mei Mentor", role: "MENTOR" });
  const hires = await Promise.all(["Ana Hire", "Ben Hire", "Cy Hire"].map((name) => factory.person(team, { name, role: "MEMBER" })));
  await signIn(page, team.owner);
  const owner = new OrgApi(page, baseURL!, team.slug);
  const track = await owner.publishedTrack({ text: TEXT });
  const key = (title: string) => owner.keyOf(track.id, title);
  const [types, scope, loops, routing, basics] = await Promise.all(["Types", "Scope", "Loops", "Routing", "Basics"].map(key));
  const assignmentIds = await owner.assign({ trackId: track.id, assigneeIds: hires.map((hire) => hire.id), mentorIds: [mentor.id] });

  // Each hire logs progress on the items v2 will rename, move and remove (the three hires side by side).
  const hirePages = await Promise.all(hires.map((hire) => pageAs(hire)));
  await Promise.all(
    hirePages.map(async (hirePage, index) => {
      const api = new OrgApi(hirePage, baseURL!, team.slug);
      for (const [itemKey, state] of [
        [types, "DONE"],
        [scope, "IN_PROGRESS"],
        [routing, "DONE"],
      ] as const) {
        const answer = await api.send("PUT", `/assignments/${assignmentIds[index]}/items/${itemKey}`, { state });
        expect(answer.status(), await answer.text()).toBe(200);
      }
    }),
  );

  // v2: Types renamed, Scope moved under Loops, Routing removed, Testing added.
  expect((await owner.send("POST", `/tracks/${track.id}/drafts`)).status()).toBe(201);
  const v2 = `/tracks/${track.id}/versions/2`;
  expect((await owner.send("PATCH", `${v2}/nodes/${types}`, { title: "Type hints" })).status()).toBe(200);
  expect((await owner.send("POST", `${v2}/nodes/${scope}/move`, { parentKey: loops })).status()).toBe(200);
  expect((await owner.send("DELETE", `${v2}/nodes/${routing}`)).status()).toBe(200);
  expect((await owner.send("POST", `${v2}/nodes`, { parentKey: basics, nodes: [{ kind: "ITEM", title: "Testing" }] })).status()).toBe(201);
  await owner.publish(track.id, 2);

  // On one hire's assignment, the manager sees the offer with its preview.
  await page.goto(`/o/${team.slug}/assignments/${assignmentIds[0]}`);
  const offer = page.getByRole("region", { name: "A newer version is available: v1 → v2" });
  await expect(offer).toContainText("1 added, 1 removed, 1 renamed, 1 moved");
  await expect(offer).toContainText("Testing");
  await expect(offer).toContainText("Routing: Done — archived, kept in history");
  await expect(offer).toContainText("Types → Type hints (renamed)");
  await expect(offer).toContainText("Scope (moved)");
  await expect(offer.getByRole("button", { name: "Apply version 2" })).toBeVisible();
  expect(await seriousViolations(page, "section[aria-labelledby='upgrade-heading']")).toEqual([]);

  // From the track page, all three at once.
  await page.goto(`/o/${team.slug}/tracks/${track.id}`);
  const panel = page.getByRole("region", { name: "Upgrade hires" });
  for (const hire of hires) await expect(panel.getByRole("checkbox", { name: new RegExp(`^${hire.name} · v1 → v2`) })).toBeChecked();
  await expect(panel).toContainText("Progress: 2 kept, 1 archived (Routing)");
  expect(await seriousViolations(page, "section[aria-labelledby='upgrade-hires-heading']")).toEqual([]);
  await panel.getByRole("button", { name: "Upgrade 3 hires to version 2" }).click();
  const results = panel.getByRole("status", { name: "Upgrade results" });
  await expect(results).toContainText("3 upgraded.");
  for (const hire of hires) await expect(results).toContainText(`Upgraded: ${hire.name} — v1 → v2, 2 progress kept, 1 archived`);
  await expect(panel).toContainText("Every active hire is on version 2, the latest.");

  // Each hire, side by side in their own browser.
  await Promise.all(hirePages.map((hirePage, index) => hireSeesTheUpgrade(hirePage, `/o/${team.slug}/assignments/${assignmentIds[index]}`)));
});

async function hireSeesTheUpgrade(hirePage: Page, path: string) {
  {
    await hirePage.goto(path);
    const notice = hirePage.getByRole("status").filter({ hasText: "Your track was updated to v2" });
    await expect(notice).toContainText("Your track was updated to v2: 1 added, 1 removed, 1 renamed, 1 moved — the progress on removed items is kept in history");
    // The renamed and the moved item keep their progress.
    await hirePage.getByRole("button", { name: "Expand all" }).click();
    await expect(item(hirePage, "Type hints")).toHaveAttribute("aria-checked", "true");
    await expect(item(hirePage, "Scope")).toHaveAttribute("aria-checked", "mixed");
    await expect(item(hirePage, "Testing")).toHaveAttribute("aria-checked", "false");
    await expect(item(hirePage, "Routing")).toHaveCount(0);

    // The removed item's history.
    await notice.getByRole("button", { name: "See the removed items’ history" }).click();
    const removed = hirePage.getByRole("region", { name: "Removed items (1): progress kept in history" });
    await expect(removed).toContainText("Routing · Done · not counted");
    await removed.getByRole("button", { name: "History of Routing" }).click();
    await expect(removed.getByText("Not started → Done")).toBeVisible();
    expect(await seriousViolations(hirePage, "section[aria-labelledby='upgrade-notice-heading']")).toEqual([]);
    expect(await seriousViolations(hirePage, "#removed-items")).toEqual([]);

    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(hirePage.getByText("Your track was updated to v2")).toHaveCount(0);
    // Dismissed for good; the history stays.
    await hirePage.reload();
    await expect(hirePage.getByRole("heading", { name: "Removed items (1): progress kept in history" })).toBeVisible();
    await expect(hirePage.getByText("Your track was updated to v2")).toHaveCount(0);
  }
}
