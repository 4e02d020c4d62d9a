import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { emailsTo } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";
import type { PageAs, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

/**
 * The first run (issue 18, decision 0039): a new owner signs up through the real form (each
 * test is its own client address, so the sign-up limits it spends are its own), follows the
 * setup checklist from 0 of 5 to a live dashboard, and each role lands on its own page. The
 * hire is made with the factory, as an accepted invitation leaves them (decision 0014).
 */

const FIRST_ITEM = "Read the welcome email and any pre-boarding documents";

const nav = (page: Page) => page.getByRole("navigation", { name: "Organization" });
const steps = (page: Page) => page.getByRole("list", { name: "Setup steps" });
const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });

/** Sign-up through the form and the emailed link; returns the new organization's slug. */
async function signUp(page: Page, email: string, name: string, organization: string): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`We wrote to ${email}.`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(email)).length).toBeGreaterThan(0);
  const message = (await emailsTo(email)).find((email) => email.subject === "Finish creating your Cairn account")!;
  const link = /https?:\/\/\S+\/sign-up\/confirm\?token=[\w-]+/.exec(message.text ?? "")![0];
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill("quiet harbour lamps 7");
  await page.getByLabel("Organization name").fill(organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/setup$/);
  return /\/o\/([a-z0-9-]+)\/setup$/.exec(page.url())![1]!;
}

test("a new owner goes from sign-up through the setup checklist to a hire's progress arriving live on the dashboard", async ({ page, factory, pageAs, baseURL }) => {
  // One journey over five screens and two people, with a sign-up email round trip: about twenty
  // page loads, so three times the default timeout (as the other journeys, e.g. upgrade-hires).
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const email = `e2e-first-run-${crypto.randomUUID()}@example.test`;
  const slug = await signUp(page, email, "Ravi Menon", "Menon Robotics");

  // Lands on the checklist: 0 of 5, the first step next.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Menon Robotics");
  await expect(page.getByText("0 of 5 done")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Setup" })).toHaveAttribute("aria-valuetext", "0 of 5 done");
  await expect(steps(page).locator('[aria-current="step"]')).toContainText("Start a track");
  await expect(nav(page).getByRole("link", { name: "Setup" })).toHaveAttribute("aria-current", "page");
  // The tab says how far setup is, wherever the owner goes (read once the page is idle).
  await expect(nav(page).getByRole("link", { name: "Setup" })).toHaveText("Setup 0/5 steps done");
  // At 1280 px every tab of an owner is on screen, Settings included, none clipped.
  const links = nav(page).getByRole("link");
  await expect(links).toHaveCount(13);
  for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });

  // 1. A track from the library.
  await steps(page).getByRole("link", { name: "Choose or import a track" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/tracks$`));
  await page.getByRole("button", { name: /^Start from the First week/ }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/tracks/c[a-z0-9]+$`));
  const trackUrl = page.url();
  const trackId = /tracks\/(c[a-z0-9]+)$/.exec(trackUrl)![1]!;
  await expect(page.getByRole("link", { name: "Assign this track" })).toHaveCount(0);

  // 2. Published: the next step is offered at once.
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await page.getByRole("dialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish version 1" }).click();
  await expect(toasts(page)).toContainText("Version 1 is published.");
  await expect(toasts(page).getByRole("button", { name: "Assign this track" })).toBeVisible();
  const assignThis = page.getByRole("main").getByRole("link", { name: "Assign this track" });
  await expect(assignThis).toHaveAttribute("href", `/o/${slug}/assignments/new?track=${trackId}`);
  // The publish reaches the tab's count live, without a reload.
  await expect(nav(page).getByRole("link", { name: "Setup" })).toHaveText("Setup 2/5 steps done");

  // 3. Back on Setup: two done, inviting is next; its link opens the invitation dialog.
  await nav(page).getByRole("link", { name: "Setup" }).click();
  await expect(page.getByText("2 of 5 done")).toBeVisible();
  await expect(steps(page).locator('[aria-current="step"]')).toContainText("Invite people");
  await steps(page).getByRole("link", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Email addresses").fill(`e2e-hire-${crypto.randomUUID()}@example.test`);
  await dialog.getByRole("button", { name: "Invite 1 person" }).click();
  const sent = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(sent).toContainText("Invited 1 person.");
  await expect(sent.getByRole("link", { name: "Assign a track" })).toHaveAttribute("href", `/o/${slug}/assignments/new`);
  await sent.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/invitations$`));

  // The hire joins (made with the factory, as an accepted invitation leaves them).
  const organizationId = ((await (await page.request.get(`${baseURL}/api/v1/o/${slug}`)).json()) as { id: string }).id;
  const hire = await factory.person({ id: organizationId }, { name: "Hana Hire", role: "MEMBER" });

  // 4. "Assign this track" opens the form with the track chosen.
  await nav(page).getByRole("link", { name: "Setup" }).click();
  await expect(page.getByText("3 of 5 done")).toBeVisible();
  await page.goto(trackUrl);
  await assignThis.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/assignments/new\\?track=${trackId}$`));
  await expect(page.getByLabel("Track", { exact: true })).toHaveValue(trackId);
  await page.getByRole("group", { name: "People", exact: true }).getByRole("checkbox", { name: /Hana Hire/ }).check();
  await page.getByRole("group", { name: "Mentors", exact: true }).getByRole("checkbox", { name: /Ravi Menon/ }).check();
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(toasts(page)).toContainText("is assigned to Hana Hire.");

  // 5. The toast's next step: the dashboard, where the hire's progress arrives live.
  await toasts(page).getByRole("button", { name: "Watch the dashboard" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard$`));
  const bar = page.getByRole("table", { name: "Active assignments" }).getByRole("progressbar", { name: /^Hana Hire’s progress/ });
  await expect(bar).toHaveAttribute("aria-valuenow", "0");

  // The hire lands on My work, and marks an item from their own page.
  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${slug}`);
  await expect(hirePage).toHaveURL(new RegExp(`/o/${slug}/me$`));
  const assignmentId = ((await (await hirePage.request.get(`${baseURL}/api/v1/o/${slug}/assignments?assigneeId=${hire.id}`)).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const key = await new OrgApi(page, baseURL!, slug).keyOf(trackId, FIRST_ITEM);
  expect((await new OrgApi(hirePage, baseURL!, slug).send("PUT", `/assignments/${assignmentId}/items/${key}`, { state: "DONE" })).status()).toBe(200);
  await expect(bar).not.toHaveAttribute("aria-valuenow", "0");

  // Setup is complete: the checklist folds into one line, and home is now the dashboard.
  await nav(page).getByRole("link", { name: "Setup" }).click();
  await expect(page.getByRole("heading", { name: "Setup complete" })).toBeVisible();
  await expect(page.getByText("5 of 5 done")).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Setup" })).toHaveText("Setup");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.goto(`/o/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard$`));
  await expect(nav(page).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});

test("each role lands on its own page: a hire on My work, a mentor on Mentees, an owner mid-setup on Setup", async ({ page, factory, signIn, pageAs }) => {
  const team = await factory.team("Landing Team");
  const hire = await factory.person(team, { name: "Lee Hire", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Max Mentor", role: "MENTOR" });

  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${team.slug}`);
  await expect(hirePage).toHaveURL(new RegExp(`/o/${team.slug}/me$`));
  await expect(nav(hirePage).getByRole("link", { name: "My work" })).toHaveAttribute("aria-current", "page");
  await expect(nav(hirePage).getByRole("link", { name: "Setup" })).toHaveCount(0);
  expect((await hirePage.goto(`/o/${team.slug}/setup`))!.status()).toBe(404);

  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}`);
  await expect(mentorPage).toHaveURL(new RegExp(`/o/${team.slug}/mentees$`));
  await expect(nav(mentorPage).getByRole("link", { name: "Mentees" })).toHaveAttribute("aria-current", "page");

  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}`);
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/setup$`));
  await expect(nav(page).getByRole("link", { name: "Setup" })).toHaveAttribute("aria-current", "page");
  // The hire and the mentor already joined: "Invite people" is done, starting a track is next.
  await expect(page.getByText("1 of 5 done")).toBeVisible();
  await expect(steps(page).locator('[aria-current="step"]')).toContainText("Start a track");
  // The checklist and the grouped tabs pass axe (WCAG 2.2 A and AA): no serious or critical violation.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
});

test("the organization's name leads home without trapping the back button, and Members offers Invite", async ({ page, factory, signIn }) => {
  const team = await factory.team("Home Link Team");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}/members`);
  await page.getByRole("link", { name: "Home Link Team", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/setup$`));
  // The redirect from /o/{slug} is not an entry of its own: one step back is Members.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/members$`));

  // Members: "Invite people" opens the invitation dialog; closing it leaves a plain URL.
  await page.getByRole("main").getByRole("link", { name: "Invite people" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/invitations\\?invite=1$`));
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/invitations$`));
  await expect(dialog).toHaveCount(0);
});

/** A team whose mentor and owner have evidence waiting: their Reviews tab carries a badge with hidden words ("1 waiting"). */
async function teamWithWaitingEvidence(factory: TestFactory, pageAs: PageAs, baseURL: string) {
  const team = await factory.team("Narrow Team");
  const hire = await factory.person(team, { name: "Noa Hire", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Mo Mentor", role: "MENTOR" });
  const ownerPage = await pageAs(team.owner);
  const api = new OrgApi(ownerPage, baseURL, team.slug);
  const track = await api.publishedTrack({ text: ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n") });
  const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id, team.owner.id] });
  const hireApi = new OrgApi(await pageAs(hire), baseURL, team.slug);
  const key = await api.keyOf(track.id, "Loops");
  const submitted = await hireApi.send("POST", `/assignments/${assignmentId}/items/${key}/evidence`, { note: "Wrote the loops." }, { "Idempotency-Key": crypto.randomUUID() });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return { team, mentor, ownerPage };
}

/** At 390 px: the badge is there, the current tab fully shown in its row, and the page no wider than the screen. */
async function expectNarrowPage(page: Page, url: string) {
  await page.goto(url);
  await expect(nav(page).getByRole("link", { name: "Reviews 1 waiting" })).toBeAttached();
  await expect(nav(page).locator('[aria-current="page"]')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("at 390 px a mentor's pages are no wider than the screen, with the Reviews badge in the scrolling tabs", async ({ factory, pageAs, baseURL }) => {
  const { team, mentor } = await teamWithWaitingEvidence(factory, pageAs, baseURL!);
  const page = await pageAs(mentor);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["mentees", "reviews", "activity"]) await expectNarrowPage(page, `/o/${team.slug}/${path}`);
});

test("at 390 px an owner's tabs scroll in their row with a fade hint and the current tab in view; no page is wider than the screen", async ({ factory, pageAs, baseURL }) => {
  const { team, ownerPage: page } = await teamWithWaitingEvidence(factory, pageAs, baseURL!);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNarrowPage(page, `/o/${team.slug}/me`);
  // The first tab is current: more is hidden after it, nothing before.
  await expect(nav(page).locator('[data-scroll-hint="after"]')).toHaveAttribute("data-shown", "true");
  await expect(nav(page).locator('[data-scroll-hint="before"]')).toHaveAttribute("data-shown", "false");
  for (const path of ["dashboard", "setup"]) await expectNarrowPage(page, `/o/${team.slug}/${path}`);
  // The last tab is current on Settings: scrolled into view, with the hint that more is before it.
  await expectNarrowPage(page, `/o/${team.slug}/settings`);
  await expect(nav(page).locator('[data-scroll-hint="before"]')).toHaveAttribute("data-shown", "true");
});
