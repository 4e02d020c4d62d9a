import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { APP_PAGES, expect, settled, test } from "./support/page-table";
import type { AppPage } from "./support/page-table";

// Every page of the app (e2e/support/page-table.ts) and its main overlays, as the person it is
// for, with realistic data, checked by axe-core against WCAG 2.2 A and AA: no serious or
// critical violation. No rule is disabled: a violation is fixed in the component.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Every serious or critical violation, one line per rule with where it is and why (the failure message names them all). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n` +
        violation.nodes
          .slice(0, 8)
          .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`)
          .join("\n"),
    );
}

for (const row of APP_PAGES) {
  test(`axe: ${row.name}, as ${row.who}`, async ({ page, visit }) => {
    // axe reads every node: on the 703-row roadmap that is seconds of a shared 2-core machine.
    test.slow(row.large === true);
    await visit(row);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

/** An overlay: a page of the table, and how to open it (returns the opened overlay). */
interface Overlay {
  name: string;
  page: string;
  open: (page: Page) => Promise<Locator>;
}

const OVERLAYS: Overlay[] = [
  {
    name: "the item panel on the hire's roadmap",
    page: "roadmap (hire)",
    open: async (page) => {
      // A leaf row (items carry aria-checked), opened by its title as a click does.
      await page.locator("[role=treeitem][aria-checked] [data-open]").first().click();
      return page.getByRole("dialog").filter({ visible: true }).first();
    },
  },
  {
    name: "the invite dialog",
    page: "invitations",
    open: async (page) => {
      await page.getByRole("button", { name: "Invite people" }).click();
      return page.getByRole("dialog", { name: "Invite people" });
    },
  },
  {
    name: "the nudge dialog on the mentees page",
    page: "mentees (mentor)",
    open: async (page) => {
      await page.getByRole("button", { name: "Nudge Noah Kim" }).click();
      return page.getByRole("dialog", { name: "Nudge Noah Kim" });
    },
  },
];

const rowNamed = (name: string): AppPage => {
  const row = APP_PAGES.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no page named "${name}" in the page table`);
  return row;
};

for (const overlay of OVERLAYS) {
  test(`axe: ${overlay.name}`, async ({ page, visit }) => {
    const row = rowNamed(overlay.page);
    test.slow(row.large === true);
    await visit(row);
    const opened = await overlay.open(page);
    await expect(opened).toBeVisible();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
