import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Person, TestFactory } from "./support/fixtures";

const FOUNDATIONS = "FOUNDATIONS (backend prerequisites)";
const RUNTIME = "Python runtime mastery (backend-useful parts only)";

const row = (page: Page, name: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(name, { exact: true }) });

/**
 * A native drag with the mouse. The first small move starts the drag where the
 * row was pressed, before the target is scrolled into view (Chromium picks the
 * dragged element at the press position when the drag starts).
 */
async function drag(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 6, { steps: 3 });
  await target.scrollIntoViewIfNeeded();
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** The built-in roadmap imported as a draft; the page signed in as the owner, on its editor. */
async function openRoadmapDraft(page: Page, factory: TestFactory, signIn: (page: Page, person: Person) => Promise<void>, baseURL: string) {
  const team = await factory.team("Editor Org");
  await signIn(page, team.owner);
  const api = `${baseURL}/api/v1/o/${team.slug}/tracks`;
  // page.request shares the browser's cookies; writes need the Origin a browser would send.
  const created = await page.request.post(api, { data: { library: "python-backend-roadmap" }, headers: { origin: baseURL } });
  expect(created.status()).toBe(201);
  const trackId = ((await created.json()) as { id: string }).id;
  return { team, api, trackId, editorPath: `/o/${team.slug}/tracks/${trackId}/versions/1/edit` };
}

test("an owner restructures the roadmap draft with the keyboard: rename, insert, move, indent, delete and undo; a reload shows it saved", async ({ page, factory, signIn, baseURL }) => {
  const { team, trackId, editorPath } = await openRoadmapDraft(page, factory, signIn, baseURL!);
  await page.goto(editorPath);
  const tree = page.getByRole("tree");
  const notifications = page.getByRole("region", { name: "Notifications" });
  await expect(page.getByText("Version 1 · Draft · 15 sections · 299 topics · 404 items")).toBeVisible();
  // Sections start folded: 15 rows for 718 nodes.
  await expect(tree.getByRole("treeitem")).toHaveCount(15);
  await expect(page.getByRole("link", { name: "← Back to the track" })).toHaveAttribute("href", `/o/${team.slug}/tracks/${trackId}`);

  // Arrow keys move the selection and unfold; F2 renames in place, Enter saves.
  await row(page, FOUNDATIONS).click();
  await expect(row(page, FOUNDATIONS)).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(row(page, FOUNDATIONS)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(row(page, "functions")).toBeFocused();
  await expect(row(page, "functions")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("F2");
  const itemTitle = page.getByRole("textbox", { name: "Item title" });
  await expect(itemTitle).toBeFocused();
  await itemTitle.fill("functions and calls");
  await page.keyboard.press("Enter");
  await expect(row(page, "functions and calls")).toBeFocused();

  // Insert adds a sibling below and opens its title.
  await page.keyboard.press("Insert");
  await expect(itemTitle).toBeFocused();
  await expect(itemTitle).toHaveValue("New item");
  await itemTitle.fill("Decorators in depth");
  await page.keyboard.press("Enter");
  const decorators = row(page, "Decorators in depth");
  await expect(decorators).toBeFocused();
  await expect(decorators).toHaveAttribute("aria-level", "3");
  await expect(decorators).toHaveAttribute("aria-posinset", "2");

  // Alt+↓ moves it below its next sibling; Tab indents it into that sibling.
  await page.keyboard.press("Alt+ArrowDown");
  await expect(decorators).toHaveAttribute("aria-posinset", "3");
  await expect(decorators).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(decorators).toHaveAttribute("aria-level", "4");
  await expect(decorators).toBeFocused();
  // Last of its new siblings: the toolbar knows it cannot go further down.
  await expect(page.getByRole("button", { name: "Move down" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Outdent" })).toBeEnabled();

  // Deleting a row with nested rows asks first, saying how many go; Ctrl+Z brings them all back.
  await row(page, "exceptions").click();
  await page.keyboard.press("Delete");
  const confirm = page.getByRole("dialog", { name: "Delete “exceptions”?" });
  await expect(confirm).toContainText(/It has \d+ nested nodes/);
  await confirm.getByRole("button", { name: /^Delete \d+ nodes$/ }).click();
  await expect(row(page, "exceptions")).toHaveCount(0);
  await expect(decorators).toHaveCount(0);
  await expect(notifications).toContainText("Deleted “exceptions” and");
  await expect(tree.getByRole("treeitem", { selected: true })).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(row(page, "exceptions")).toBeVisible();
  // Undone by the keyboard, the delete's toast no longer offers Undo.
  await expect(notifications.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await expect(decorators).toHaveAttribute("aria-level", "4");

  // A leaf goes at once; the toast's Undo restores it.
  await decorators.click();
  await page.keyboard.press("Delete");
  await expect(decorators).toHaveCount(0);
  await notifications.getByRole("button", { name: "Undo" }).click();
  await expect(decorators).toBeVisible();

  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Version 1 · Draft · 15 sections · 299 topics · 405 items")).toBeVisible();
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");
  await expect(row(page, "functions and calls")).toHaveAttribute("aria-level", "3");
  await expect(row(page, "Decorators in depth")).toHaveAttribute("aria-level", "4");
  await expect(row(page, "exceptions")).toHaveAttribute("aria-posinset", "2");
});

test("an owner fills an item's details in the panel (a bad link is refused, typed text survives switching rows), expands everything, renames the track; a reload shows it saved", async ({ page, factory, signIn, baseURL }) => {
  const { editorPath } = await openRoadmapDraft(page, factory, signIn, baseURL!);
  await page.goto(editorPath);
  const tree = page.getByRole("tree");
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");

  // The details panel: a bad link is refused next to its field, then fixed; Ctrl+Enter saves.
  await row(page, "functions").click();
  const panel = page.getByRole("form", { name: "Item details" });
  await panel.getByLabel("Description").fill("Read **PEP 3102** on keyword-only arguments.");
  await panel.getByRole("button", { name: "Add link" }).click();
  await panel.getByLabel("Link 1 title").fill("PEP 3102");
  await panel.getByLabel("Link 1 URL").fill("ftp://peps.python.org/pep-3102/");
  await panel.getByLabel("Estimated minutes").fill("45");
  await panel.getByLabel("Evidence required").check();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByText("A link is an http:// or https:// address.")).toBeVisible();
  await expect(panel.getByLabel("Link 1 URL")).toHaveAttribute("aria-invalid", "true");
  // Selecting another row keeps the typed text.
  await row(page, RUNTIME).click();
  await expect(row(page, "functions")).toContainText("unsaved changes");
  // Every row can be on screen at once, and folded away again.
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(tree.getByRole("treeitem")).toHaveCount(15 + 703);
  await row(page, FOUNDATIONS).press("End");
  await expect(tree.getByRole("treeitem").last()).toBeFocused();
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(tree.getByRole("treeitem")).toHaveCount(15);
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");
  await row(page, RUNTIME).press("ArrowRight");
  await expect(row(page, "functions")).toBeVisible();
  await row(page, "functions").click();
  await expect(panel.getByLabel("Description")).toHaveValue("Read **PEP 3102** on keyword-only arguments.");
  await panel.getByLabel("Link 1 URL").fill("https://peps.python.org/pep-3102/");
  await panel.getByLabel("Link 1 URL").press("Control+Enter");
  await expect(row(page, "functions")).toContainText("evidence required");
  await expect(row(page, "functions")).toContainText("45 min");
  await expect(row(page, "functions")).not.toContainText("unsaved changes");

  // The track title is renamed in the header.
  await page.getByRole("button", { name: "Rename track" }).click();
  await page.getByLabel("Track title").fill("Backend onboarding");
  await page.getByLabel("Track title").press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backend onboarding");

  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backend onboarding");
  await expect(page.getByText("Version 1 · Draft · 15 sections · 299 topics · 404 items")).toBeVisible();
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");
  await row(page, "functions").click();
  await expect(panel.getByLabel("Description")).toHaveValue("Read **PEP 3102** on keyword-only arguments.");
  await expect(panel.getByLabel("Link 1 title")).toHaveValue("PEP 3102");
  await expect(panel.getByLabel("Link 1 URL")).toHaveValue("https://peps.python.org/pep-3102/");
  await expect(panel.getByLabel("Estimated minutes")).toHaveValue("45");
  await expect(panel.getByLabel("Evidence required")).toBeChecked();

});

test("drag and drop puts a row inside another and refuses impossible drops; a refused edit rolls back, and a draft changed elsewhere reloads", async ({ page, factory, signIn, baseURL }) => {
  const { api, trackId, editorPath } = await openRoadmapDraft(page, factory, signIn, baseURL!);
  // The draft as the keyboard test leaves it: "functions" renamed, and a new item at the end of "exceptions".
  const write = { headers: { origin: baseURL! } };
  const draft = (await (await page.request.get(`${api}/${trackId}/versions/1`)).json()) as { nodes: Array<{ title: string; stableKey: string }> };
  const keyOf = (title: string) => draft.nodes.find((node) => node.title === title)!.stableKey;
  expect((await page.request.patch(`${api}/${trackId}/versions/1/nodes/${keyOf("functions")}`, { data: { title: "functions and calls" }, ...write })).status()).toBe(200);
  expect((await page.request.post(`${api}/${trackId}/versions/1/nodes`, { data: { parentKey: keyOf("exceptions"), nodes: [{ kind: "ITEM", title: "Decorators in depth" }] }, ...write })).status()).toBe(201);
  await page.goto(editorPath);
  const tree = page.getByRole("tree");
  const notifications = page.getByRole("region", { name: "Notifications" });
  const itemTitle = page.getByRole("textbox", { name: "Item title" });
  const decorators = row(page, "Decorators in depth");
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");
  await row(page, RUNTIME).press("ArrowRight");
  await row(page, "exceptions").press("ArrowRight");
  await expect(decorators).toHaveAttribute("aria-level", "4");

  // Drag and drop: onto the middle of a row puts it inside, first; a drop the tree cannot take sends nothing.
  const edits: string[] = [];
  page.on("request", (sent) => {
    if (sent.url().includes("/nodes")) edits.push(`${sent.method()} ${sent.url()}`);
  });
  await drag(page, decorators, row(page, "functions and calls"));
  await expect(decorators).toHaveAttribute("aria-level", "4");
  // Right below the row it went into: its first child.
  await expect(tree.getByRole("treeitem").nth(3)).toHaveAccessibleName(/^Decorators in depth\b/);
  await expect.poll(() => edits.length).toBe(1);
  await drag(page, row(page, FOUNDATIONS), row(page, "functions and calls"));
  await expect(row(page, FOUNDATIONS)).toHaveAttribute("aria-level", "1");
  await expect(page.getByText("All changes saved")).toBeVisible();
  expect(edits).toHaveLength(1);

  // A refusal from the server rolls the row back and says why. Edits carry the draft's ETag.
  let ifMatch: string | undefined;
  await page.route("**/nodes/*", async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    ifMatch = route.request().headers()["if-match"];
    await route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "CONFLICT", message: "Version 1 is published and cannot change; start a new draft to edit it.", requestId: "e2e" } }),
    });
  });
  await row(page, "functions and calls").press("F2");
  await itemTitle.fill("refused title");
  await page.keyboard.press("Enter");
  await expect(notifications).toContainText("Version 1 is published and cannot change");
  await expect(row(page, "functions and calls")).toBeVisible();
  await expect(row(page, "refused title")).toHaveCount(0);
  expect(ifMatch).toMatch(/^".+"$/);
  await page.unroute("**/nodes/*");

  // Someone else changes the draft: the next edit is refused (412) and the editor shows their version.
  const stored = (await (await page.request.get(`${api}/${trackId}/versions/1`)).json()) as { nodes: Array<{ title: string; stableKey: string }> };
  const runtime = stored.nodes.find((node) => node.title === RUNTIME)!;
  const elsewhere = await page.request.patch(`${api}/${trackId}/versions/1/nodes/${runtime.stableKey}`, { data: { title: "Python runtime (renamed elsewhere)" }, headers: { origin: baseURL! } });
  expect(elsewhere.status()).toBe(200);
  await row(page, "exceptions").press("F2");
  await itemTitle.fill("exceptions and errors");
  await page.keyboard.press("Enter");
  await expect(notifications).toContainText("Someone else changed this draft");
  await expect(row(page, "Python runtime (renamed elsewhere)")).toBeVisible();
  await expect(row(page, "exceptions")).toBeVisible();
  // With the latest version loaded, the same edit goes through.
  await row(page, "exceptions").press("F2");
  await itemTitle.fill("exceptions and errors");
  await page.keyboard.press("Enter");
  await expect(row(page, "exceptions and errors")).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.reload();
  await row(page, FOUNDATIONS).click();
  await page.keyboard.press("ArrowRight");
  await expect(row(page, "exceptions and errors")).toBeVisible();
});

test("only owners and admins edit, and only drafts; an unknown version is a 404", async ({ page, factory, signIn, pageAs, baseURL }) => {
  const team = await factory.team("Editor Access Org");
  const admin = await pageAs(await factory.person(team, { name: "Arjun Mehta", role: "ADMIN" }));
  const api = `${baseURL}/api/v1/o/${team.slug}/tracks`;
  const created = await admin.request.post(api, { data: { title: `Editor access ${Date.now()}`, text: "=====\nBasics\n=====\n- Variables\n" }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const trackId = ((await created.json()) as { id: string }).id;
  const editorPath = `/o/${team.slug}/tracks/${trackId}/versions/1/edit`;

  await signIn(page, await factory.person(team, { name: "Noah Kim", role: "MEMBER" }));
  await page.goto(editorPath);
  await expect(page.getByRole("alert").filter({ hasText: "Only owners and admins can edit tracks." })).toBeVisible();
  await expect(page.getByRole("tree")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Back to the track" })).toHaveAttribute("href", `/o/${team.slug}/tracks/${trackId}`);

  // An empty draft offers a first section or item.
  const stored = (await (await admin.request.get(`${api}/${trackId}/versions/1`)).json()) as { nodes: Array<{ stableKey: string }> };
  expect((await admin.request.delete(`${api}/${trackId}/versions/1/nodes/${stored.nodes[0]!.stableKey}`, { headers: { origin: baseURL! } })).status()).toBe(200);
  await admin.goto(editorPath);
  await expect(admin.getByText("This draft is empty.")).toBeVisible();
  await admin.getByRole("button", { name: "Add section" }).click();
  await admin.getByRole("textbox", { name: "Section title" }).fill("Basics");
  await admin.keyboard.press("Enter");
  await admin.getByRole("button", { name: "Add item" }).click();
  await admin.getByRole("textbox", { name: "Item title" }).fill("Variables");
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("tree").getByRole("treeitem")).toHaveCount(2);
  await expect(admin.getByRole("tree").getByRole("treeitem", { name: "Variables" })).toHaveAttribute("aria-level", "2");
  await expect(admin.getByText("All changes saved")).toBeVisible();
  expect((await admin.request.post(`${api}/${trackId}/versions/1/publish`, { headers: { origin: baseURL! } })).status()).toBe(200);
  await admin.reload();
  await expect(admin.getByRole("alert").filter({ hasText: "Version 1 is published and cannot change. Start a new draft from the track page to edit it." })).toBeVisible();
  await expect(admin.getByRole("tree")).toHaveCount(0);

  // A version that does not exist is the 404 page (streamed after the track's loading state, so the status is already sent).
  await admin.goto(`/o/${team.slug}/tracks/${trackId}/versions/9/edit`);
  await expect(admin.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an owner searches the outline by title, steps through the matches with the keyboard, and publishes from the editor once the edits are saved", async ({ page, factory, signIn, baseURL }) => {
  const { team, api, trackId, editorPath } = await openRoadmapDraft(page, factory, signIn, baseURL!);
  await page.goto(editorPath);
  const tree = page.getByRole("tree");
  await expect(tree.getByRole("treeitem")).toHaveCount(15);

  // Two titles hold "docker": their sections open, the matches are marked, and "n results" says so.
  const search = page.getByRole("search", { name: "Search the outline" });
  const box = search.getByLabel("Search titles");
  const status = search.getByRole("status");
  await box.fill("DOCKER");
  await expect(status).toHaveText("2 results");
  await expect(row(page, "Dockerfile")).toBeVisible();
  await expect(row(page, "docker-compose (local dev)")).toBeVisible();
  await expect(tree.locator("mark")).toHaveText(["Docker", "docker"]);

  // Enter and Shift+Enter step through them (wrapping) without leaving the box; each is selected.
  await box.press("Enter");
  await expect(status).toHaveText("2 results · 1 of 2");
  await expect(row(page, "Dockerfile")).toHaveAttribute("aria-selected", "true");
  await expect(box).toBeFocused();
  await box.press("Enter");
  await expect(status).toHaveText("2 results · 2 of 2");
  await expect(row(page, "docker-compose (local dev)")).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(status).toHaveText("2 results · 1 of 2");
  await box.press("Shift+Enter");
  await expect(status).toHaveText("2 results · 2 of 2");
  await search.getByRole("button", { name: "Previous match" }).click();
  await expect(status).toHaveText("2 results · 1 of 2");
  await box.fill("no such title");
  await expect(status).toHaveText("No results");
  await expect(search.getByRole("button", { name: "Next match" })).toBeDisabled();

  // Escape clears: no marks, the sections fold back, and the selected match stays on screen.
  await box.fill("docker");
  await box.press("Enter");
  await box.press("Escape");
  await expect(box).toHaveValue("");
  await expect(status).toHaveText("");
  await expect(tree.locator("mark")).toHaveCount(0);
  await expect(row(page, "Dockerfile")).toBeVisible();
  await expect(row(page, "docker-compose (local dev)")).toBeVisible();

  // Details typed in the panel but not saved hold the publish back until saved or discarded.
  const panel = page.getByRole("form", { name: "Item details" });
  await row(page, "Dockerfile").click();
  await panel.getByLabel("Title", { exact: true }).fill("Dockerfile (unsaved)");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  let dialog = page.getByRole("dialog", { name: "Publish version 1?" });
  await expect(dialog).toContainText("can no longer change");
  await expect(dialog.getByRole("alert")).toContainText("1 row has details you have not saved");
  await expect(dialog.getByRole("button", { name: "Publish version 1" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await panel.getByRole("button", { name: "Discard changes" }).click();

  // A rename still on its way is saved first, then the version is published.
  await row(page, "Dockerfile").click();
  await page.keyboard.press("F2");
  await page.getByRole("textbox", { name: "Item title" }).fill("Dockerfile basics");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  dialog = page.getByRole("dialog", { name: "Publish version 1?" });
  await dialog.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Version 1 is published.");
  // What next: assign it, or look at it.
  const done = page.getByRole("status").filter({ has: page.getByRole("link", { name: "Assign this track" }) });
  await expect(done).toContainText("Version 1 is published.");
  await expect(done).toBeVisible();
  await expect(done.getByRole("link", { name: "Assign this track" })).toHaveAttribute("href", `/o/${team.slug}/assignments/new?track=${trackId}`);
  const stored = await page.request.get(`${api}/${trackId}/versions/1`);
  const version = (await stored.json()) as { version: { status: string }; nodes: Array<{ title: string }> };
  expect(version.version.status).toBe("PUBLISHED");
  expect(version.nodes.map((node) => node.title)).toContain("Dockerfile basics");
  await done.getByRole("link", { name: "View version 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 1");
  await expect(page.getByText(/Version 1 · Published · /)).toBeVisible();
});
