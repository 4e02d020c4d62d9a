import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { addPulls, linkGitHub } from "./support/github";
import { OrgApi } from "./support/org-api";

// "Loops" needs evidence; the hire's pull request is checked against the fake GitHub API (decision 0034).
const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });

async function openItem(page: Page, url: string, title: string) {
  await page.goto(url);
  await item(page, title).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: title });
  await expect(panel).toBeVisible();
  return panel;
}

test("the account page shows the linked GitHub handle and unlinks it", async ({ page, factory, signIn }) => {
  const team = await factory.team("GitHub Account Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const github = await linkGitHub(hire);
  await signIn(page, hire);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "GitHub" });
  await expect(section.getByRole("link", { name: `@${github.login}` })).toHaveAttribute("href", `https://github.com/${github.login}`);
  await section.getByRole("button", { name: "Unlink" }).click();
  // This server has no GitHub OAuth app, so there is nothing to link with: it says so instead of offering a button.
  await expect(section).toContainText("No GitHub account is linked.");
  await expect(section.getByRole("link", { name: `@${github.login}` })).toHaveCount(0);
});

test("a hire with a linked GitHub account submits a pull request; the hire and the mentor see it verified", async ({ page, factory, pageAs, signIn, baseURL }) => {
  // Three people's browsers and a background job between them: more than the default budget on a shared 2-core machine.
  test.setTimeout(60_000);
  const team = await factory.team("GitHub Evidence Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await ownerApi.importTrack({ text: STARTER });
  const loopsKey = await ownerApi.keyOf(track.id, "Loops");
  expect((await ownerApi.send("PATCH", `/tracks/${track.id}/versions/1/nodes/${loopsKey}`, { evidenceRequired: true })).status()).toBe(200);
  await ownerApi.publish(track.id);
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2026-01-05" });
  const roadmapUrl = `/o/${team.slug}/assignments/${assignmentId}`;

  const github = await linkGitHub(hire);
  const repository = `acme/${team.slug}`;
  await addPulls([
    { repository, number: 7, author: github, merged: true, mergedBy: { login: "rosa-q", id: 77 }, mergedAt: "2026-01-06T12:00:00Z", checks: { statuses: ["success"], runs: [{ status: "completed", conclusion: "success" }] } },
  ]);
  const verified = "Verified: merged by @rosa-q on Jan 6, 2026, checks passing";

  // The hire submits the pull request; the check runs in the background and the attempt shows its answer.
  await signIn(page, hire);
  const panel = await openItem(page, roadmapUrl, "Loops");
  const evidence = panel.getByRole("region", { name: "Evidence" });
  await evidence.getByLabel("Link", { exact: true }).fill(`https://github.com/${repository}/pull/7`);
  await evidence.getByRole("button", { name: "Submit evidence" }).click();
  const attempt = evidence.getByRole("article", { name: "Attempt 1" });
  await expect(attempt.getByTestId("github-verification")).toHaveText(verified);

  // The mentor sees it in the review queue and on the item's review panel, and can ask again.
  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}/reviews`);
  const entry = mentorPage.getByRole("list", { name: "Waiting for review" }).getByRole("article", { name: "Loops" });
  await expect(entry.getByTestId("github-verification")).toHaveText(verified);
  const mentorPanel = await openItem(mentorPage, roadmapUrl, "Loops");
  const reviewed = mentorPanel.getByRole("region", { name: "Evidence" }).getByRole("article", { name: "Attempt 1" });
  await expect(reviewed.getByTestId("github-verification")).toHaveText(verified);
  await reviewed.getByRole("button", { name: "Check again" }).click();
  await expect(reviewed.getByTestId("github-verification")).toHaveText(verified);
});

test("an owner sets the organization's GitHub token, which is never shown again, and removes it", async ({ page, factory, signIn }) => {
  const team = await factory.team("GitHub Token Org");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}/settings`);
  const section = page.getByRole("region", { name: "GitHub" });
  await expect(section).toContainText("No token is set: checks see public repositories only.");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Paste a GitHub token.")).toBeVisible();
  await section.getByLabel("Token").fill("too short");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("A GitHub token is at least 20 characters.")).toBeVisible();
  const token = `ghp_${"e2e".repeat(12)}`;
  await section.getByLabel("Token").fill(token);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section).toContainText("A token is set (saved");
  await expect(section.getByLabel("Replace the token")).toHaveValue("");
  expect(await page.content()).not.toContain(token);
  await section.getByRole("button", { name: "Remove the token" }).click();
  await expect(section).toContainText("No token is set");
});
