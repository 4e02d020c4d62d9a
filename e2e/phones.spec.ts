import type { Locator, Page } from "@playwright/test";
import { APP_PAGES, expect, test } from "./support/page-table";
import type { AppPage } from "./support/page-table";

// Cairn on a 390×844 phone (an iPhone 14's viewport, touch): no page is wider than the
// screen, and the main actions of the pages people use on the go (the hire's roadmap, the
// review queue, both dashboards) are on screen and at least 44 px square (WCAG 2.5.5).
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

const MIN_TARGET = 44;

/** Fails with the elements that stick out past the right edge when the page is wider than the screen. */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, culprits } = await page.evaluate((width) => {
    const culprits: string[] = [];
    // What sticks out of the page itself: not what a scrolling (or clipping) box holds.
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      // An absolutely positioned element escapes a scrolling box that is not positioned (a visually hidden label did).
      if (box.right > width + 0.5 && box.width > 0 && (!clipped(element) || getComputedStyle(element).position === "absolute")) {
        const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "") + (typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "");
        culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 10) };
  }, PHONE.width);
  expect(scrollWidth, `the page is ${scrollWidth} px wide on a ${PHONE.width} px screen; sticking out:\n${culprits.join("\n")}`).toBeLessThanOrEqual(PHONE.width);
}

/**
 * A touch target: at least 44×44 px, inside the screen's width, and the element a tap on
 * its centre reaches (nothing covers it). Scrolls it into view first, as a thumb would.
 */
async function expectTouchTarget(target: Locator, what: string) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, `${what} is on the page`).not.toBeNull();
  expect.soft(Math.round(box!.height), `${what}: height`).toBeGreaterThanOrEqual(MIN_TARGET);
  expect.soft(Math.round(box!.width), `${what}: width`).toBeGreaterThanOrEqual(MIN_TARGET);
  expect.soft(box!.x, `${what}: left edge on screen`).toBeGreaterThanOrEqual(0);
  expect.soft(box!.x + box!.width, `${what}: right edge on screen`).toBeLessThanOrEqual(PHONE.width + 0.5);
  const reached = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (element === hit || element.contains(hit) || hit.contains(element));
  });
  expect.soft(reached, `${what}: a tap on its centre reaches it`).toBe(true);
}

const rowNamed = (name: string): AppPage => {
  const row = APP_PAGES.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no page named "${name}" in the page table`);
  return row;
};

for (const row of APP_PAGES) {
  test(`phone: ${row.name} is no wider than the screen`, async ({ page, visit }) => {
    await visit(row);
    await expectNoHorizontalOverflow(page);
  });
}

test("phone: the hire's roadmap starts on the first screen, and its controls are thumb-sized", async ({ page, visit }) => {
  await visit(rowNamed("roadmap (hire)"));
  await expectNoHorizontalOverflow(page);
  // The header collapses: the first row is on the first screen, without scrolling.
  const firstRow = page.getByRole("tree").getByRole("treeitem").first();
  const top = await firstRow.evaluate((element) => element.getBoundingClientRect().top);
  expect(top, "the first row's top, in px from the top of the screen").toBeLessThan(PHONE.height - MIN_TARGET);

  const nav = page.getByRole("navigation", { name: "Organization" });
  await expectTouchTarget(nav.getByRole("link", { name: "My work" }), "the My work tab");
  await expectTouchTarget(page.getByRole("button", { name: "Expand all" }), "Expand all");
  await expectTouchTarget(page.getByRole("button", { name: "Collapse all" }), "Collapse all");
  await expectTouchTarget(page.getByLabel("Search items"), "the search box");
  const filters = page.getByRole("group", { name: "Show items" });
  await expectTouchTarget(filters.locator("label").first(), "the first filter");
  await expectTouchTarget(page.getByRole("region", { name: /Next up/ }).getByRole("button").first(), "the first Next up item");
  await expectTouchTarget(firstRow, "a section row");
  // An item's check box: its tap area, not only the drawn 18 px box.
  const item = page.getByRole("tree").locator("[role=treeitem][aria-checked]").first();
  await expectTouchTarget(item, "an item row");
  await expectTouchTarget(item.locator("[data-check]"), "an item's check box");
});

test("phone: the review queue's decisions are thumb-sized", async ({ page, visit }) => {
  await visit(rowNamed("review queue (mentor)"));
  await expectNoHorizontalOverflow(page);
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expectTouchTarget(nav.getByRole("link", { name: /^Reviews/ }), "the Reviews tab");
  await expectTouchTarget(page.getByLabel("Hire"), "the Hire filter");
  await expectTouchTarget(page.getByRole("button", { name: "Approve" }).first(), "Approve");
  await expectTouchTarget(page.getByRole("button", { name: /Request changes/ }).first(), "Request changes");
  await expectTouchTarget(page.getByRole("checkbox", { name: /^Choose/ }).first().locator("xpath=ancestor::label[1]"), "Choose (its label)");
  await expectTouchTarget(page.getByRole("link", { name: /^Open in .* roadmap$/ }).first(), "Open in the roadmap");
});

test("phone: the mentor's dashboard is thumb-sized", async ({ page, visit }) => {
  await visit(rowNamed("mentees (mentor)"));
  await expectNoHorizontalOverflow(page);
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expectTouchTarget(nav.getByRole("link", { name: "Mentees" }), "the Mentees tab");
  await expectTouchTarget(page.getByRole("button", { name: "Nudge Noah Kim" }), "Nudge");
  await expectTouchTarget(page.getByText("Sections", { exact: true }).first(), "a mentee's Sections toggle");
});

test("phone: the manager's dashboard is thumb-sized", async ({ page, visit }) => {
  await visit(rowNamed("dashboard (manager)"));
  await expectNoHorizontalOverflow(page);
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expectTouchTarget(nav.getByRole("link", { name: "Dashboard" }), "the Dashboard tab");
  await expectTouchTarget(page.getByLabel("Track"), "the Track filter");
  await expectTouchTarget(page.getByRole("link", { name: "Export CSV" }), "Export CSV");
  await expectTouchTarget(page.getByRole("table", { name: "Active assignments" }).getByRole("button", { name: "Progress" }), "sorting by progress");
});
