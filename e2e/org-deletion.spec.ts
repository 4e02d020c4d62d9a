import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const TRACK = ["# Doomed track", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");

test("an owner downloads the organization's data, types its name, deletes it, and lands on /o", async ({ factory, pageAs, baseURL }) => {
  const team = await factory.team("Doomed Org", { name: "Dana Owner" });
  const admin = await factory.person(team, { name: "Abe Admin", role: "ADMIN" });
  const page = await pageAs(team.owner);
  await new OrgApi(page, baseURL!, team.slug).importTrack({ text: TRACK });

  // An admin has no danger zone.
  const adminPage = await pageAs(admin);
  await adminPage.goto(`/o/${team.slug}/settings`);
  await expect(adminPage.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Delete organization…" })).toHaveCount(0);

  await page.goto(`/o/${team.slug}/settings`);
  await page.getByRole("button", { name: "Delete organization…" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${team.name}?` });
  await expect(dialog).toBeVisible();

  // The export comes first: one JSON file of this organization.
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("link", { name: "Download the organization's data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^cairn-${team.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.organization).toMatchObject({ slug: team.slug, name: team.name });
  expect(exported.tracks.map((track: { title: string }) => track.title)).toEqual(["Doomed track"]);

  // Deleting needs the name typed out.
  const confirm = dialog.getByLabel(`Type ${team.name} to confirm`);
  const deleteButton = dialog.getByRole("button", { name: "Delete organization", exact: true });
  await confirm.fill(team.name.slice(0, -1));
  await expect(deleteButton).toBeDisabled();
  await confirm.fill(team.name);
  await deleteButton.click();

  await expect(page).toHaveURL(/\/o\?deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "The organization was deleted" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your organizations" })).toBeVisible();
  await expect(page.getByRole("link", { name: team.name })).toHaveCount(0);

  // Its pages are gone, for its owner and its other members alike.
  expect((await page.goto(`/o/${team.slug}`))?.status()).toBe(404);
  expect((await adminPage.goto(`/o/${team.slug}/settings`))?.status()).toBe(404);
});
