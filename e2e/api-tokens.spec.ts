/**
 * API tokens in the browser (decision 0032): a person makes a personal token in their
 * account settings, copies it once, a script calls the API with it (no cookie, no
 * Origin), and revoking it in the UI stops it at the next call; an owner makes a
 * service token in the organization's settings and the audit log names it.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Creates a token with the section's form, clicks Copy and returns what the clipboard holds. */
async function createAndCopy(page: Page, section: Locator, name: string, scopes: string[], role?: string) {
  await section.getByRole("button", { name: "New token" }).click();
  await section.getByRole("textbox", { name: "Name" }).fill(name);
  if (role) await section.getByLabel("Role").selectOption(role);
  for (const scope of scopes) await section.getByRole("checkbox", { name: scope }).check();
  await section.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("heading", { name: `Copy “${name}” now` })).toBeFocused();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied to the clipboard." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId("new-token").textContent());
  return copied;
}

const asScript = (token: string) => ({ authorization: `Bearer ${token}` });

test("a personal token made in the account settings calls the API until it is revoked there", async ({ factory, pageAs, request }) => {
  const team = await factory.team("Token Org", { name: "Tess Owner" });
  const page = await pageAs(team.owner);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "API tokens" });
  await expect(section.getByText("No tokens yet.")).toBeVisible();

  const token = await createAndCopy(page, section, "Nightly script", ["Read the organization", "List members", "Rename the organization"]);
  expect(token).toMatch(/^cairn_pat_[A-Za-z0-9_-]{43}$/);
  const row = section.getByRole("row", { name: /Nightly script/ });
  await expect(row).toContainText(token.slice(0, 14));
  await expect(row).toContainText("org.read, member.read, org.update");
  await expect(row).toContainText("Never"); // not used yet

  // A script: no cookie, no Origin.
  const members = await request.get(`/api/v1/o/${team.slug}/members`, { headers: asScript(token) });
  expect(members.status()).toBe(200);
  expect((await members.json()).items).toHaveLength(1);
  const renamed = await request.patch(`/api/v1/o/${team.slug}`, { headers: asScript(token), data: { name: "Token Org Renamed" } });
  expect(renamed.status()).toBe(200);
  // The browser's own request carries the session cookie: a token beside it is refused.
  expect((await page.request.get(`/api/v1/o/${team.slug}`, { headers: asScript(token) })).status()).toBe(400);

  await page.reload();
  await expect(section.getByRole("row", { name: /Nightly script/ })).not.toContainText("Never");

  await section.getByRole("button", { name: "Revoke Nightly script" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “Nightly script”?" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText("No tokens yet.")).toBeVisible();

  const after = await request.get(`/api/v1/o/${team.slug}/members`, { headers: asScript(token) });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("UNAUTHENTICATED");
});

test("an owner makes a service token in the settings; it acts with its role and the audit log names it", async ({ factory, pageAs, request }) => {
  const team = await factory.team("Service Org", { name: "Sam Owner" });
  const page = await pageAs(team.owner);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/o/${team.slug}/settings`);
  const section = page.getByRole("region", { name: "Service tokens" });
  await expect(section.getByText("No tokens yet.")).toBeVisible();
  const token = await createAndCopy(page, section, "HR sync", ["List members", "Read and export the audit log"], "ADMIN");
  expect(token).toMatch(/^cairn_sat_/);
  await expect(section.getByRole("row", { name: /HR sync/ })).toContainText("Admin");
  // The section with its secret shown and its list (the same components as the account's).
  expect(await seriousViolations(page)).toEqual([]);

  const members = await request.get(`/api/v1/o/${team.slug}/members`, { headers: asScript(token) });
  expect(members.status()).toBe(200);
  // The service member is not among the people.
  expect((await members.json()).items.map((item: { user: { name: string } }) => item.user.name)).toEqual(["Sam Owner"]);
  expect((await request.get(`/api/v1/o/${team.slug}/dashboards/manager`, { headers: asScript(token) })).status()).toBe(403);

  await page.goto(`/o/${team.slug}/audit`);
  await expect(page.getByRole("list", { name: "Audit log" })).toContainText("Sam Owner created the service token “HR sync” (Admin;");
});

test("the API reference shows how to call with a token, and which endpoints take one", async ({ request }) => {
  // The page's HTML as the server renders it (the reference is long: a browser's layout of it is the slow part, and adds nothing here).
  const page = await request.get("/docs/api");
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain("Calling the API with a token");
  expect(html).toContain("Authorization: Bearer $CAIRN_TOKEN");
  // The "Authentication:" line of an operation, its tags stripped.
  const authentication = (id: string) => {
    const start = html.indexOf("Authentication:", html.indexOf(`id="${id}"`));
    return html.slice(start, html.indexOf("</p>", start)).replace(/<[^>]+>/g, "");
  };
  expect(authentication("op-listmembers")).toBe("Authentication: sessionCookie or apiToken");
  expect(authentication("op-createpersonaltoken")).toBe("Authentication: sessionCookie");
});
