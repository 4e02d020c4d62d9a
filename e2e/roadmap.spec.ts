import type { Page } from "@playwright/test";
import { addMemberByInvitation } from "./support/add-member";
import { signInThroughForm, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

const FOUNDATIONS = "FOUNDATIONS (backend prerequisites)";
const FINAL = "WHAT “BACKEND COMPLETE” MEANS (final checklist)";
// The first leaves of the roadmap, in order, and how many rows (↓ presses) lie between them.
const FIRST = "left-to-right binding"; // 6 rows below FOUNDATIONS
const SECOND = "collisions (same param set twice)"; // 3 below FIRST
const THIRD = "sentinel pattern (object() / None + check)"; // 4 below SECOND
const FOURTH = "when to use (API stability, speed, clarity)"; // 3 below THIRD
const EVIDENCE = "forcing named args in public APIs"; // 3 below FOURTH; made to need evidence before publishing

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem", { name: title, exact: true });
const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });
const doneCount = (page: Page, done: number) => page.getByText(new RegExp(`^${done} of 404 items done`));

async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test("a hire works through the roadmap with the keyboard: saved at once, kept after a reload, rolled back when the server refuses", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // Chromium logs every failed request, and this test fails one on purpose (the 409); anything else is a bug.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) consoleErrors.push(message.text());
  });

  // The only sign-up of this spec (the e2e run shares a per-IP sign-up limit); the hire joins by invitation.
  const owner = await signUpThroughApi(request, baseURL!, "Roadmap Org");
  const ownerContext = await browser.newContext({ baseURL: baseURL! });
  const ownerPage = await ownerContext.newPage();
  await signInThroughForm(ownerPage, owner.email, owner.password);
  // ownerPage.request shares the owner's cookies; writes need the Origin a browser would send.
  const ownerApi = ownerPage.request;
  const write = { headers: { origin: baseURL! } };
  const api = `${baseURL}/api/v1/o/${owner.slug}`;
  const ownerId = ((await (await ownerApi.get(`${baseURL}/api/v1/me`)).json()) as { user: { id: string } }).user.id;
  const hire = await addMemberByInvitation(ownerApi, baseURL!, owner.slug, { name: "Noor Haddad", role: "MEMBER" });

  const track = await ownerApi.post(`${api}/tracks`, { data: { library: "python-backend-roadmap" }, ...write });
  expect(track.status()).toBe(201);
  const { id: trackId, title: trackTitle } = (await track.json()) as { id: string; title: string };
  const draft = (await (await ownerApi.get(`${api}/tracks/${trackId}/versions/1`)).json()) as { nodes: Array<{ title: string; stableKey: string }> };
  const evidenceKey = draft.nodes.find((node) => node.title === EVIDENCE)!.stableKey;
  expect((await ownerApi.patch(`${api}/tracks/${trackId}/versions/1/nodes/${evidenceKey}`, { data: { evidenceRequired: true }, ...write })).status()).toBe(200);
  expect((await ownerApi.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
  const assigned = await ownerApi.post(`${api}/assignments`, {
    data: { trackId, assigneeIds: [hire.userId], mentorIds: [ownerId], startDate: "2020-01-06", dueDate: "2020-02-03" },
    ...write,
  });
  expect(assigned.status()).toBe(201);
  const assignmentId = ((await assigned.json()) as { items: Array<{ id: string }> }).items[0]!.id;

  // Every progress write's answer, in order.
  const puts: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "PUT" && /\/items\/[^/]+$/.test(new URL(response.url()).pathname)) puts.push(response.status());
  });

  // The hire's home: the assignment with its progress, the overdue date in words, the mentor and what comes next.
  await signInThroughForm(page, hire.email, hire.password);
  await page.goto(`/o/${owner.slug}/me`);
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  const card = page.getByRole("article", { name: trackTitle });
  await expect(card).toContainText("0% · 0 of 404 items done");
  await expect(card.getByText("Overdue: was due Feb 3, 2020")).toBeVisible();
  await expect(card).toContainText("Mentors: Ines Duarte");
  await expect(card.getByRole("link", { name: FIRST })).toBeVisible();
  await card.getByRole("link", { name: `Start ${trackTitle}` }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.slug}/assignments/${assignmentId}$`));

  // The roadmap opens on the hire's section; the keyboard walks it and Space marks items.
  await expect(page.getByRole("heading", { level: 1, name: trackTitle })).toBeVisible();
  await expect(doneCount(page, 0)).toBeVisible();
  await expect(item(page, FOUNDATIONS)).toHaveAttribute("aria-expanded", "true");
  await expect(item(page, FINAL)).toHaveAttribute("aria-expanded", "false");
  await item(page, FOUNDATIONS).focus();
  await press(page, "ArrowDown", 6);
  await expect(item(page, FIRST)).toBeFocused();
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press(" ");
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 1)).toBeVisible();
  await press(page, "ArrowDown", 3);
  await expect(item(page, SECOND)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(item(page, SECOND)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, FOUNDATIONS)).toContainText("2/43 · 4%");

  // A fast double toggle ends where it was: both writes reach the server, in order.
  await press(page, "ArrowDown", 4);
  await expect(item(page, THIRD)).toBeFocused();
  await expect.poll(() => puts.length).toBe(2);
  await page.keyboard.press(" ");
  await page.keyboard.press(" ");
  await expect(item(page, THIRD)).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => puts.length).toBe(4);
  expect(puts).toEqual([200, 200, 200, 200]);

  // ← folds and goes up, → unfolds: the keyboard reaches every row.
  await page.keyboard.press("ArrowLeft");
  await expect(item(page, "mutable default pitfall")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(item(page, "mutable default pitfall")).toHaveAttribute("aria-expanded", "false");
  await expect(item(page, THIRD)).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(item(page, THIRD)).toBeVisible();

  // A reload shows exactly what the server stored.
  await page.reload();
  await expect(doneCount(page, 2)).toBeVisible();
  await expect(item(page, FIRST)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, SECOND)).toHaveAttribute("aria-checked", "true");
  await expect(item(page, THIRD)).toHaveAttribute("aria-checked", "false");
  const stored = (await (await ownerApi.get(`${api}/assignments/${assignmentId}`)).json()) as { assignment: { progress: { done: number } } };
  expect(stored.assignment.progress.done).toBe(2);

  // The server refuses one change: the item goes back, and the toast says why; a 4xx is not tried again.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let refusedPuts = 0;
  await page.route(
    "**/items/*",
    async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      refusedPuts += 1;
      await held;
      await route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "CONFLICT", message: "This item changed on another device; reload to see it.", requestId: "x" } }) });
    },
    { times: 1 },
  );
  await item(page, THIRD).focus();
  await press(page, "ArrowDown", 3);
  await expect(item(page, FOURTH)).toBeFocused();
  await page.keyboard.press(" ");
  // Shown at once, before the server answers.
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 3)).toBeVisible();
  release();
  await expect(toasts(page)).toContainText(`“${FOURTH}” was not saved`);
  await expect(toasts(page)).toContainText("This item changed on another device; reload to see it.");
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "false");
  await expect(doneCount(page, 2)).toBeVisible();
  expect(refusedPuts).toBe(1);
  expect(puts.at(-1)).toBe(409);

  // A dropped connection is tried again after a pause, and the change lands without a word.
  await page.route("**/items/*", (route) => (route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.fallback()), { times: 1 });
  await page.keyboard.press(" ");
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => puts.at(-1)).toBe(200);
  await expect(item(page, FOURTH)).toHaveAttribute("aria-checked", "true");
  await expect(doneCount(page, 3)).toBeVisible();
  await expect(toasts(page).getByText(/was not saved/)).toHaveCount(1);

  // An item that needs evidence is done only through an approved review: Space says so and sends nothing.
  await press(page, "ArrowDown", 3);
  await expect(item(page, EVIDENCE)).toBeFocused();
  const sent = puts.length;
  await page.keyboard.press(" ");
  await expect(item(page, EVIDENCE)).toContainText("needs evidence");
  await expect(item(page, EVIDENCE)).toHaveAttribute("aria-checked", "false");
  expect(puts.length).toBe(sent);

  // Enter opens the item: its state, its history, and a note saved with Ctrl+Enter.
  await item(page, FIRST).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: FIRST });
  await expect(panel).toContainText("State: Done");
  await expect(panel.getByRole("button", { name: "Mark not started" })).toBeVisible();
  await expect(panel.getByText("Not started → Done")).toBeVisible();
  await expect(panel).toContainText("by Noor Haddad");
  await panel.getByLabel("Your note").fill("Arguments bind left to right, then keywords.");
  await page.keyboard.press("Control+Enter");
  await expect(panel.getByText("Saved.")).toBeVisible();
  await expect(panel.getByText("Note changed")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(item(page, FIRST)).toBeFocused();
  await expect(item(page, FIRST)).toContainText("note");

  // A section's "Mark all done" (Shift+F10 opens its actions) sends its items in one request.
  await item(page, FINAL).focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: "Mark all done (10 items)" }).click();
  await page.getByRole("dialog", { name: "Mark 10 items done?" }).getByRole("button", { name: "Mark done" }).click();
  await expect(toasts(page)).toContainText(`Marked 10 items done in “${FINAL}”.`);
  await expect(item(page, FINAL)).toContainText("10/10 · 100%");
  await expect(doneCount(page, 13)).toBeVisible();

  // Search keeps the matches' ancestors; the state filter narrows to done items.
  await page.getByLabel("Search items").fill("sentinel");
  await expect(page.getByRole("tree").getByRole("treeitem")).toHaveText([/FOUNDATIONS/, /Python runtime mastery/, /^functions/, /parameters & argument binding rules/, /^defaults/, /evaluation time/, /mutable default pitfall/, /sentinel pattern/]);
  await page.getByLabel("Search items").fill("");
  await page.locator("label", { has: page.getByRole("radio", { name: /^Done/ }) }).click();
  await expect(page.getByRole("radio", { name: /^Done/ })).toBeChecked();
  await expect(item(page, FIRST)).toBeVisible();
  await expect(item(page, THIRD)).toHaveCount(0);

  // The owner mentors the assignment: the same roadmap, read-only.
  await ownerPage.goto(`/o/${owner.slug}/assignments/${assignmentId}`);
  await expect(ownerPage.getByText("Viewing Noor Haddad’s progress")).toBeVisible();
  await expect(doneCount(ownerPage, 13)).toBeVisible();
  await expect(ownerPage.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await item(ownerPage, FOUNDATIONS).focus();
  await press(ownerPage, "ArrowDown", 6);
  await ownerPage.keyboard.press(" ");
  await expect(item(ownerPage, FIRST)).toContainText("read-only");
  await expect(item(ownerPage, FIRST)).toHaveAttribute("aria-checked", "true");
  await ownerContext.close();

  expect(consoleErrors).toEqual([]);
});
