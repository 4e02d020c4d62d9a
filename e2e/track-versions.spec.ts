import { expect, test } from "./support/fixtures";

// Two sections, one topic and four items: small enough to read every row of the diff.
const TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "  - Types", "- Loops", "", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");

test("an owner publishes a track, starts a new draft, renames an item in it and sees the rename in the diff", async ({ page, factory, signIn, baseURL }) => {
  const team = await factory.team("Versions Org");
  await signIn(page, team.owner);
  const api = `${baseURL}/api/v1/o/${team.slug}/tracks`;
  // page.request shares the browser's cookies; writes need the Origin a browser would send.
  const created = await page.request.post(api, { data: { text: TEXT }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const trackId = ((await created.json()) as { id: string }).id;
  const trackPath = `/o/${team.slug}/tracks/${trackId}`;

  await page.goto(trackPath);
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(1);
  await expect(versions).toContainText("Version 1 · Draft · 2 sections · 1 topic · 4 items");
  await expect(versions.getByRole("link", { name: "Edit version 1" })).toHaveAttribute("href", `${trackPath}/versions/1/edit`);
  // Version 1 is itself the open draft, and it has nothing earlier to compare with.
  await expect(page.getByRole("button", { name: "Start a new draft" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Compare with/ })).toHaveCount(0);

  // The confirmation opens and closes with the keyboard, and cancelling publishes nothing.
  const publish = versions.getByRole("button", { name: "Publish version 1" });
  await publish.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Publish version 1?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("can no longer change");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(versions).toContainText("Version 1 · Draft");

  await publish.click();
  await dialog.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Version 1 is published.");
  await expect(dialog).toBeHidden();
  await expect(versions).toContainText("Version 1 · Published · 2 sections · 1 topic · 4 items");
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(page).toHaveURL(new RegExp(`${trackPath}/versions/2/edit$`));

  // The rename, in the new draft's editor: unfold Basics, F2 on Loops, type, Enter.
  const tree = page.getByRole("tree");
  const row = (name: string) => tree.getByRole("treeitem").filter({ has: page.getByText(name, { exact: true }) });
  await row("Basics").click();
  await page.keyboard.press("ArrowRight");
  await row("Loops").click();
  await page.keyboard.press("F2");
  await page.getByRole("textbox", { name: "Item title" }).fill("Loops and iteration");
  const saved = page.waitForResponse((response) => /\/versions\/2\/nodes\/[^/]+$/.test(new URL(response.url()).pathname) && response.request().method() === "PATCH");
  await page.keyboard.press("Enter");
  expect((await saved).status()).toBe(200);
  await expect(row("Loops and iteration")).toBeVisible();

  await page.goto(trackPath);
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("Version 2 · Draft · 2 sections · 1 topic · 4 items");
  await expect(page.getByRole("button", { name: "Start a new draft" })).toHaveCount(0);
  await versions.getByRole("link", { name: "Compare with v1" }).click();

  await expect(page).toHaveURL(new RegExp(`${trackPath}/versions/2/diff\\?from=1$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from version 1 to version 2");
  const renamedGroup = page.getByRole("region", { name: /^Renamed/ });
  await expect(renamedGroup.getByRole("heading", { level: 2 })).toHaveText("Renamed (1)");
  await expect(renamedGroup.getByRole("listitem")).toHaveCount(1);
  await expect(renamedGroup.getByRole("listitem")).toContainText("Loops → Loops and iteration");
  await expect(renamedGroup.getByRole("listitem")).toContainText("In Basics");
  for (const [group, empty] of [
    ["Added", "No items were added."],
    ["Removed", "No items were removed."],
    ["Moved", "No items were moved."],
    ["Changed", "No other details changed."],
  ]) {
    const region = page.getByRole("region", { name: new RegExp(`^${group}`) });
    await expect(region.getByRole("heading", { level: 2 })).toHaveText(`${group} (0)`);
    await expect(region).toContainText(empty!);
  }

  // The pickers compare the other way round.
  await page.getByLabel("From", { exact: true }).selectOption("2");
  await page.getByLabel("To", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`${trackPath}/versions/1/diff\\?from=2$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from version 2 to version 1");
  await expect(renamedGroup.getByRole("listitem")).toContainText("Loops and iteration → Loops");

  // The version page shows that version's tree and switches to the others.
  await page.goto(`${trackPath}/versions/2`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 2");
  const v2Tree = page.getByRole("group", { name: "Version 2 tree" });
  await v2Tree.locator("summary").first().click();
  await expect(v2Tree.getByText("Loops and iteration")).toBeVisible();
  await expect(page.getByRole("link", { name: "Export as text" })).toHaveAttribute("href", new RegExp(`/versions/2/export\\?format=text$`));
  const switcher = page.getByRole("navigation", { name: "Versions" });
  await expect(switcher.getByRole("link", { name: /^v2/ })).toHaveAttribute("aria-current", "page");
  await switcher.getByRole("link", { name: /^v1/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 1");
  const v1Tree = page.getByRole("group", { name: "Version 1 tree" });
  await v1Tree.locator("summary").first().click();
  await expect(v1Tree.getByText("Loops", { exact: true })).toBeVisible();

  // A track that does not exist (like another organization's) is the 404 page.
  await page.goto(`/o/${team.slug}/tracks/cnotarealtrackid0000000000/versions/1/diff`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("publishing shows at once wherever the version's status was already on screen: the tracks list and the assign form, without a reload", async ({ page, factory, signIn, baseURL }) => {
  const team = await factory.team("Publish Caches Org");
  await signIn(page, team.owner);
  const created = await page.request.post(`${baseURL}/api/v1/o/${team.slug}/tracks`, { data: { text: TEXT }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const trackId = ((await created.json()) as { id: string }).id;

  // The assign form has nothing to offer yet, and the tracks list shows the draft: both are now cached in this tab.
  await page.goto(`/o/${team.slug}/assignments/new`);
  await expect(page.getByText("No track has a published version yet.")).toBeVisible();
  await page.getByRole("link", { name: "Publish one in Tracks" }).click();
  const tracks = page.getByRole("list", { name: "Tracks" });
  await expect(tracks).toContainText("Version 1 · Draft");

  await tracks.getByRole("link", { name: "Starter" }).click();
  await expect(page).toHaveURL(new RegExp(`/tracks/${trackId}$`));
  await page.getByRole("list", { name: "Versions" }).getByRole("button", { name: "Publish version 1" }).click();
  await page.getByRole("dialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("list", { name: "Versions" })).toContainText("Version 1 · Published");

  // Back in the list (a client-side navigation, within the cache's freshness): published, not "Draft".
  await page.getByRole("link", { name: "← Tracks" }).click();
  await expect(tracks).toContainText("Version 1 · Published");
  await expect(tracks).not.toContainText("Draft");

  // Back in the assign form: the only track is offered, and chosen.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/assignments/new$`));
  await expect(page.getByLabel("Track", { exact: true })).toHaveValue(trackId);
  await expect(page.getByText(/^Assigns version 1, published /)).toBeVisible();
});
