import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { TestFactory } from "./support/factory";
import type { PageAs } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const TRACK = (title: string) => [`# ${title}`, "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** An organization whose log holds two tracks imported by the owner and one by the admin, and the admin's page. */
async function auditedTeam(factory: TestFactory, pageAs: PageAs, baseURL: string) {
  const team = await factory.team("Audit Org", { name: "Olga Owner" });
  const admin = await factory.person(team, { name: "Ada Auditor", role: "ADMIN" });
  const mentor = await factory.person(team, { name: "Milo Mentor", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  await ownerApi.importTrack({ text: TRACK("Owner One") });
  await ownerApi.importTrack({ text: TRACK("Owner Two") });
  const adminPage = await pageAs(admin);
  await new OrgApi(adminPage, baseURL, team.slug).importTrack({ text: TRACK("Admin Three") });
  return { team, mentor, adminPage };
}

test("an admin filters the audit log by type and actor, and a reload keeps the filters", async ({ factory, pageAs, baseURL }) => {
  const { team, adminPage } = await auditedTeam(factory, pageAs, baseURL!);

  // The tab is the admin's; everything is listed, newest first.
  await adminPage.goto(`/o/${team.slug}`);
  await adminPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Audit log" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const log = adminPage.getByRole("list", { name: "Audit log" });
  await expect(log.getByRole("listitem").first()).toContainText("Ada Auditor imported the track “Admin Three”");
  await expect(log).toContainText("Milo Mentor joined as Mentor.");

  // Filter by type and actor, with the keyboard's controls.
  await adminPage.getByLabel("Who did it").selectOption({ label: `Olga Owner (${team.owner.email})` });
  await adminPage.getByRole("checkbox", { name: "Track imported" }).check();
  await adminPage.getByRole("button", { name: "Apply filters" }).click();
  await expect(adminPage).toHaveURL(new RegExp(`[?&]type=track\\.created`));
  await expect(adminPage).toHaveURL(new RegExp(`[?&]actor=${team.owner.id}`));
  await expect(log.getByRole("listitem")).toHaveText([/Olga Owner imported the track “Owner Two”/, /Olga Owner imported the track “Owner One”/]);
  await expect(adminPage.getByText("That is everything matching these filters.")).toBeVisible();
  // The filters change the URL (a soft navigation): its title is set a moment after the rows show.
  await expect(adminPage).toHaveTitle(/^Audit log/);
  expect(await seriousViolations(adminPage)).toEqual([]);

  // A reload keeps the filters: the form and the rows.
  await adminPage.reload();
  await expect(adminPage.getByRole("checkbox", { name: "Track imported" })).toBeChecked();
  await expect(adminPage.getByLabel("Who did it")).toHaveValue(team.owner.id);
  await expect(log.getByRole("listitem")).toHaveCount(2);

});

test("an admin exports the filtered log as CSV and JSON, and each export is in the log", async ({ factory, pageAs, baseURL }) => {
  const { team, adminPage } = await auditedTeam(factory, pageAs, baseURL!);
  await adminPage.goto(`/o/${team.slug}/audit?type=track.created&actor=${team.owner.id}`);
  const log = adminPage.getByRole("list", { name: "Audit log" });
  await expect(log.getByRole("listitem")).toHaveCount(2);

  // The exports hold what the page shows.
  const csvDownload = adminPage.waitForEvent("download");
  await adminPage.getByRole("link", { name: "Export CSV" }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(new RegExp(`^cairn-${team.slug}-audit-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const lines = (await readFile((await csvFile.path())!, "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Sequence,Time (UTC),Type,Category,Actor,Actor email,Actor id,Subject type,Subject id,Description,Payload (JSON)");
  expect(lines.slice(1)).toHaveLength(2);
  expect(lines[1]).toContain("Olga Owner imported the track “Owner Two”");
  expect(lines[2]).toContain("Olga Owner imported the track “Owner One”");

  const jsonDownload = adminPage.waitForEvent("download");
  await adminPage.getByRole("link", { name: "Export JSON" }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
  const entries = JSON.parse(await readFile((await jsonFile.path())!, "utf8")) as Array<{ type: string; actor: { id: string }; description: string }>;
  expect(entries.map((entry) => [entry.type, entry.actor.id])).toEqual([
    ["track.created", team.owner.id],
    ["track.created", team.owner.id],
  ]);

  // Each export is in the log, with who and which filters.
  await adminPage.goto(`/o/${team.slug}/audit?type=audit.exported`);
  await expect(log.getByRole("listitem")).toHaveText([
    /Ada Auditor exported the audit log as JSON \(filtered by type track\.created; actor /,
    /Ada Auditor exported the audit log as CSV \(filtered by type track\.created; actor /,
  ]);

});

test("a refused filter is explained, and a mentor has no tab, no page and no API", async ({ factory, pageAs, baseURL }) => {
  const { team, mentor, adminPage } = await auditedTeam(factory, pageAs, baseURL!);
  // A filter the API refuses is shown, not hidden.
  await adminPage.goto(`/o/${team.slug}/audit?from=2026-03-01&to=2026-02-01`);
  await expect(adminPage.getByText("The audit log could not be loaded: To: The end of the range is on or after its start.")).toBeVisible();

  // The mentor has no tab and no page, and the API refuses them.
  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}`);
  await expect(mentorPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Activity" })).toBeVisible();
  await expect(mentorPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await mentorPage.goto(`/o/${team.slug}/audit`))!.status()).toBe(404);
  await expect(mentorPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await mentorPage.request.get(`${baseURL}/api/v1/o/${team.slug}/audit`)).status()).toBe(403);
  expect((await mentorPage.request.get(`${baseURL}/api/v1/o/${team.slug}/audit/export?format=csv`)).status()).toBe(403);
});
