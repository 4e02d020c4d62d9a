import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { PageAs, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// The item panel beside the tree (decision 0042): the tree stays in view, j and k move
// through the items on screen with the URL following, Escape returns to the row.
const OUTLINE = ["# Panel walk", "", "=====", "Basics", "=====", "- Variables", "- Loops", "- Functions", "", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");

// A row is named by all it shows, title first (roadmap-row.tsx): find it by its title.
const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const panelOf = (page: Page, title: string) => page.getByRole("dialog", { name: title });

test.use({ viewport: { width: 1280, height: 800 } });

/** A small published track assigned to Ines, with Tomas as her mentor. */
async function assignment({ factory, pageAs, baseURL }: { factory: TestFactory; pageAs: PageAs; baseURL: string }) {
  const team = await factory.team("Panel Org");
  const hire = await factory.person(team, { name: "Ines Duarte", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Tomas Berg", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  const track = await ownerApi.publishedTrack({ text: OUTLINE });
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2026-01-05" });
  const keys = { variables: await ownerApi.keyOf(track.id, "Variables"), loops: await ownerApi.keyOf(track.id, "Loops") };
  return { team, hire, mentor, url: `/o/${team.slug}/assignments/${assignmentId}`, keys };
}

test("the item panel sits beside the tree; j and k move it with the URL, a reload keeps it, Escape returns to the row", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, url, keys } = await assignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(url);

  await item(page, "Variables").focus();
  await page.keyboard.press("Enter");
  const variables = panelOf(page, "Variables");
  await expect(variables).toBeVisible();
  // Focus goes to the panel's heading, so the item's title is what is read out first.
  await expect(variables.getByRole("heading", { name: "Variables", level: 2 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`[?&]item=${keys.variables}&open=1`));

  // The tree stays on screen beside the panel, not under it, and still answers clicks.
  const tree = page.getByRole("tree");
  await expect(tree).toBeInViewport();
  const [treeBox, panelBox] = [await tree.boundingBox(), await variables.boundingBox()];
  // Both are laid out (a box each), and the tree ends where the panel begins.
  expect(treeBox).not.toBeNull();
  expect(panelBox).not.toBeNull();
  expect(panelBox!.width).toBeGreaterThan(0);
  expect(treeBox!.x + treeBox!.width).toBeLessThanOrEqual(panelBox!.x);
  await expect(item(page, "Functions")).toBeVisible();

  // The sections come in the order: state, evidence, note and links, conversation, history.
  const parts = [
    variables.getByRole("heading", { name: /^State:/ }),
    variables.getByRole("region", { name: "Evidence" }),
    variables.getByLabel("Your note"),
    variables.getByRole("region", { name: "Your links" }),
    variables.getByRole("region", { name: "Conversation" }),
    variables.getByRole("region", { name: "History" }),
  ];
  const tops: number[] = [];
  for (const part of parts) tops.push((await part.boundingBox())!.y);
  expect(tops).toEqual([...tops].sort((a, b) => a - b));

  // j: the next item, the tree's row with it, the URL too.
  await page.keyboard.press("j");
  const loops = panelOf(page, "Loops");
  await expect(loops.getByRole("heading", { name: "Loops", level: 2 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`[?&]item=${keys.loops}&open=1`));
  await expect(item(page, "Loops")).toHaveAttribute("tabindex", "0");
  // The row of the item in the panel is marked (the tree says which one is open), and only that row.
  await expect(item(page, "Loops")).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("treeitem").and(page.locator("[aria-current]"))).toHaveCount(1);

  // Not while typing: a j in the note stays in the note.
  await loops.getByLabel("Your note").fill("");
  await loops.getByLabel("Your note").pressSequentially("jk");
  await expect(loops.getByLabel("Your note")).toHaveValue("jk");
  await expect(loops).toBeVisible();

  // A reload opens the same item's panel.
  await page.reload();
  await expect(panelOf(page, "Loops")).toBeVisible();
  await expect(panelOf(page, "Loops").getByRole("heading", { name: "Loops", level: 2 })).toBeFocused();

  // k goes back; past the first item there is nothing before, and the panel stays.
  await page.keyboard.press("k");
  await expect(panelOf(page, "Variables").getByRole("heading", { name: "Variables", level: 2 })).toBeFocused();
  await page.keyboard.press("k");
  await expect(panelOf(page, "Variables")).toBeVisible();

  // Escape closes it and focus is back on the row; the URL no longer opens the panel.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(item(page, "Variables")).toBeFocused();
  await expect(page).not.toHaveURL(/[?&]open=1/);
  await expect(item(page, "Variables")).not.toHaveAttribute("aria-current");
});

test("“Not applicable…” moves focus to the reason field, and Cancel back to the button", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, url, keys } = await assignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(`${url}?item=${keys.loops}&open=1`);
  const loops = panelOf(page, "Loops");

  await loops.getByRole("button", { name: "Not applicable…" }).click();
  await expect(loops.getByLabel("Why does it not apply?")).toBeFocused();
  await loops.getByRole("button", { name: "Cancel" }).click();
  await expect(loops.getByRole("button", { name: "Not applicable…" })).toBeFocused();
});

test("the hire's links are “Your links” to the hire and carry the hire's name for their mentor", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const { hire, mentor, url, keys } = await assignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(`${url}?item=${keys.loops}&open=1`);
  const links = panelOf(page, "Loops").getByRole("region", { name: "Your links" });
  await links.getByLabel("Link address").fill("https://example.com/loops-notes");
  await links.getByLabel("Title (optional)").fill("Loop notes");
  const saved = page.waitForResponse((response) => response.request().method() === "PUT" && new URL(response.url()).pathname.endsWith(`/items/${keys.loops}`));
  await links.getByRole("button", { name: "Add link" }).click();
  await expect(links.getByRole("link", { name: "Loop notes" })).toBeVisible();
  expect((await saved).status()).toBe(200);

  // The mentor, from the activity's kind of link: the same panel, the note and links under the hire's name.
  const mentorPage = await pageAs(mentor);
  await mentorPage.setViewportSize({ width: 1280, height: 800 });
  await mentorPage.goto(`${url}?item=${keys.loops}&open=1`);
  const panel = panelOf(mentorPage, "Loops");
  await expect(panel.getByRole("region", { name: "Ines Duarte’s links" }).getByRole("link", { name: "Loop notes" })).toBeVisible();
  await expect(panel.getByRole("region", { name: "Your links" })).toHaveCount(0);
  await expect(panel.getByRole("heading", { name: "Ines Duarte’s note" })).toBeVisible();
});

test("a note, a message and evidence typed but not sent survive closing the panel, another item and a reload; sent, they are gone, and signing out forgets them", async ({ page, factory, pageAs, signIn, baseURL }) => {
  // Four reloads and a sign-out: 13 s alone, so the 60 s of the other multi-page journeys.
  test.setTimeout(60_000);
  const { hire, url, keys } = await assignment({ factory, pageAs, baseURL: baseURL! });
  await signIn(page, hire);
  await page.goto(`${url}?item=${keys.loops}&open=1`);
  const note = panelOf(page, "Loops").getByLabel("Your note");
  await note.fill("for and while; ask about else on loops");
  await expect(panelOf(page, "Loops").getByRole("status").filter({ hasText: "Unsaved changes." })).toBeVisible();

  // Closed, then opened from its row: the text is back, still marked unsaved.
  await panelOf(page, "Loops").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await item(page, "Loops").focus();
  await page.keyboard.press("Enter");
  await expect(note).toHaveValue("for and while; ask about else on loops");

  // Another item has its own (empty) note; a reload brings Loops' text back too.
  await panelOf(page, "Loops").getByRole("button", { name: "Previous item" }).click();
  await expect(panelOf(page, "Variables").getByLabel("Your note")).toHaveValue("");
  await page.goto(`${url}?item=${keys.loops}&open=1`);
  await expect(note).toHaveValue("for and while; ask about else on loops");
  await expect(panelOf(page, "Loops").getByRole("status").filter({ hasText: "Unsaved changes." })).toBeVisible();

  // Saved: it is the note, and nothing unsaved is kept for it any more.
  await panelOf(page, "Loops").getByRole("button", { name: "Save note" }).click();
  await expect(panelOf(page, "Loops").getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("cairn:draft:")))).toEqual([]);
  await page.reload();
  await expect(note).toHaveValue("for and while; ask about else on loops");
  await expect(panelOf(page, "Loops").getByRole("button", { name: "Save note" })).toBeDisabled();

  // A message to the mentor and the evidence's note, not sent: a reload keeps them too.
  const loops = panelOf(page, "Loops");
  await loops.getByRole("textbox", { name: "Message" }).fill("Is a for-else ever a good idea?");
  await loops.getByRole("button", { name: "Submit evidence for review…" }).click();
  await loops.getByRole("region", { name: "Evidence" }).getByLabel("Note", { exact: true }).fill("Solved the loop exercises");
  // After the reload the form is open again by itself, since it holds something not sent.
  await page.reload();
  await expect(loops.getByRole("textbox", { name: "Message" })).toHaveValue("Is a for-else ever a good idea?");
  await expect(loops.getByRole("region", { name: "Evidence" }).getByLabel("Note", { exact: true })).toHaveValue("Solved the loop exercises");

  // Sent, the message is in the conversation and the box is empty for good.
  await loops.getByRole("button", { name: "Send" }).click();
  await expect(loops.getByRole("list", { name: "Messages" })).toContainText("Is a for-else ever a good idea?");
  await expect(loops.getByRole("textbox", { name: "Message" })).toHaveValue("");

  // Signing out forgets what was not sent (the evidence note): the next person in this tab does not find it.
  await page.getByRole("button", { name: /account/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("cairn:draft:")))).toEqual([]);
});
