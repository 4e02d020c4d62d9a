import type { Page, Route } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// The item panel's three query panels (history, evidence, conversation) share one set of load
// states (components/ui/load-states.tsx): a failed first load says what and why, and Try again,
// reached by the keyboard, loads it.
const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
const FAILURE = "The server is restarting; try again in a moment.";

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });

/** Refuses the GETs of one panel's endpoint while `failing` is on (each retry the client makes too), with the error envelope. */
function failWhile(page: Page, pattern: string, state: { failing: boolean }) {
  return page.route(pattern, (route: Route) => {
    if (route.request().method() !== "GET" || !state.failing) return route.fallback();
    return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: FAILURE, requestId: "e2e" } }) });
  });
}

test("the item panel's history, evidence and conversation say when they could not be loaded, and Try again loads them", async ({ page, factory, pageAs, signIn, baseURL }) => {
  // Three panels, each failing through the client's retries (about 3 s) before it says so.
  test.setTimeout(60_000);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // The refused requests are logged by the browser on purpose; anything else is a bug.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) consoleErrors.push(message.text());
  });
  const team = await factory.team("Load States Org");
  const hire = await factory.person(team, { name: "Ines Duarte", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await ownerApi.publishedTrack({ text: STARTER });
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id], startDate: "2026-01-05" });

  const state = { failing: true };
  await failWhile(page, "**/items/*/history", state);
  await failWhile(page, "**/items/*/evidence", state);
  await failWhile(page, "**/items/*/comments*", state);
  await signIn(page, hire);
  await page.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  await item(page, "Loops").focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "Loops" });

  const regions = [
    { name: "History", what: "history", loaded: panel.getByRole("region", { name: "History" }).getByText("No changes yet.") },
    { name: "Evidence", what: "evidence", loaded: panel.getByRole("button", { name: "Submit evidence for review…" }) },
    { name: "Conversation", what: "conversation", loaded: panel.getByRole("region", { name: "Conversation" }).getByText("No messages yet.") },
  ];
  for (const { name, what } of regions) {
    await expect(panel.getByRole("region", { name }).getByRole("alert")).toHaveText(new RegExp(`^The ${what} could not be loaded: ${FAILURE}Try again$`), { timeout: 15_000 });
  }

  // The server is back: Try again, from the keyboard, loads each panel, and the alert goes.
  state.failing = false;
  for (const { name, loaded } of regions) {
    const region = panel.getByRole("region", { name });
    await region.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    await expect(loaded).toBeVisible();
    await expect(region.getByRole("alert")).toHaveCount(0);
  }
  expect(consoleErrors).toEqual([]);
});
