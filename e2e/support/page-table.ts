/**
 * Every page of the app as a row: where it is, who looks at it, and what it shows once it
 * has loaded. The accessibility spec (axe on each page) and the phones spec (no page wider
 * than a phone) both walk this table, one test per row, so a new page is one row here
 * (list them with `find app -name page.tsx`).
 *
 * Not in the table: /dev/mailbox and /dev/mailbox/[id], development-only pages that a
 * production build (the one these tests run) answers with 404.
 */
import type { Locator, Page } from "@playwright/test";
import { test as base, expect } from "./fixtures";
import type { Person } from "./fixtures";
import { makePageScene } from "./page-scene";
import type { PageScene } from "./page-scene";

/** Who looks at the page: nobody (signed out), someone in no organization, or one of the demo copy's people. */
export type Viewer = "signed out" | "loner" | "olivia (owner)" | "arjun (admin)" | "mei (mentor)" | "noah (hire)";

export interface AppPage {
  /** The test's name: the page and whose view of it. */
  name: string;
  who: Viewer;
  path: (scene: PageScene) => string;
  /** What the page shows once its data is in (not its loading state). */
  ready: (page: Page, scene: PageScene) => Locator;
  /** A page with hundreds of rows (the 703-item roadmap) or the whole API reference: axe takes longer on it. */
  large?: boolean;
}

const h1 = (page: Page, name?: string | RegExp) => page.getByRole("heading", { level: 1, ...(name === undefined ? {} : { name }) });
const org = (scene: PageScene) => `/o/${scene.demo.slug}`;
const track = (scene: PageScene) => `${org(scene)}/tracks/${scene.trackId}`;

export const APP_PAGES: AppPage[] = [
  // Signed out: the landing page, the auth pages and the pages of emailed links.
  { name: "landing page", who: "signed out", path: () => "/", ready: (page) => h1(page) },
  { name: "sign in", who: "signed out", path: () => "/sign-in", ready: (page) => page.getByLabel("Email") },
  { name: "sign up", who: "signed out", path: () => "/sign-up", ready: (page) => page.getByLabel("Email") },
  { name: "sign-up confirmation (emailed link)", who: "signed out", path: (scene) => scene.links.signUpConfirm, ready: (page) => h1(page, "Finish creating your account") },
  { name: "sign in with an emailed link", who: "signed out", path: (scene) => scene.links.signInLink, ready: (page) => h1(page, "Sign in to Cairn") },
  { name: "forgot password", who: "signed out", path: () => "/forgot-password", ready: (page) => page.getByLabel("Email") },
  { name: "reset password (emailed link)", who: "signed out", path: (scene) => scene.links.resetPassword, ready: (page) => h1(page, "Choose a new password") },
  // Opening it confirms the address (once: a later visit shows that the link was used; both are this page).
  { name: "verify email (emailed link)", who: "signed out", path: (scene) => scene.links.verifyEmail, ready: (page) => h1(page, "Verify your email") },
  { name: "invitation (emailed link)", who: "signed out", path: (scene) => scene.links.invitation, ready: (page) => h1(page, /^Join /) },
  { name: "stop invitations (emailed link)", who: "signed out", path: (scene) => scene.links.blockInvitations, ready: (page) => h1(page, "Stop these invitations?") },
  { name: "API reference", who: "signed out", path: () => "/docs/api", ready: (page) => h1(page), large: true },
  // Signed in, outside an organization.
  { name: "account", who: "noah (hire)", path: () => "/account", ready: (page) => page.getByLabel("Time zone") },
  // Olivia is in two organizations (page-scene.ts): with one, /o goes straight to it.
  { name: "organization list", who: "olivia (owner)", path: () => "/o", ready: (page, scene) => page.getByRole("link", { name: scene.demo.name }) },
  { name: "organization list (no organization yet)", who: "loner", path: () => "/o", ready: (page) => h1(page) },
  // The organization's pages, each as the person it is for.
  // /o/{slug} only redirects to each member's home (decision 0039): the demo's setup is complete, so an owner lands on the dashboard, a hire on My work.
  { name: "organization home (owner)", who: "olivia (owner)", path: org, ready: (page) => page.getByRole("table", { name: "Active assignments" }).getByRole("progressbar").first() },
  { name: "organization home (hire)", who: "noah (hire)", path: org, ready: (page) => page.getByRole("progressbar").first() },
  { name: "setup (owner)", who: "olivia (owner)", path: (scene) => `${org(scene)}/setup`, ready: (page, scene) => h1(page, scene.demo.name) },
  { name: "my work (hire)", who: "noah (hire)", path: (scene) => `${org(scene)}/me`, ready: (page) => page.getByRole("progressbar").first() },
  { name: "notifications (hire)", who: "noah (hire)", path: (scene) => `${org(scene)}/notifications`, ready: (page) => page.getByRole("list", { name: "Notifications" }).getByText(/nudged you/) },
  { name: "roadmap (hire)", who: "noah (hire)", path: (scene) => `${org(scene)}/assignments/${scene.assignmentId}`, ready: (page) => page.getByRole("treeitem").first(), large: true },
  { name: "roadmap (mentor, read-only)", who: "mei (mentor)", path: (scene) => `${org(scene)}/assignments/${scene.assignmentId}`, ready: (page) => page.getByRole("treeitem").first(), large: true },
  { name: "assignments (owner)", who: "olivia (owner)", path: (scene) => `${org(scene)}/assignments`, ready: (page) => page.getByRole("row", { name: /Noah Kim/ }) },
  { name: "assignments (hire)", who: "noah (hire)", path: (scene) => `${org(scene)}/assignments`, ready: (page) => h1(page) },
  { name: "new assignment", who: "arjun (admin)", path: (scene) => `${org(scene)}/assignments/new`, ready: (page) => page.getByRole("button", { name: /Assign/ }).first() },
  { name: "review queue (mentor)", who: "mei (mentor)", path: (scene) => `${org(scene)}/reviews`, ready: (page) => page.getByRole("button", { name: /Approve/ }).first() },
  { name: "mentees (mentor)", who: "mei (mentor)", path: (scene) => `${org(scene)}/mentees`, ready: (page) => page.getByRole("progressbar", { name: /Noah Kim/ }).first() },
  { name: "dashboard (manager)", who: "arjun (admin)", path: (scene) => `${org(scene)}/dashboard`, ready: (page) => page.getByRole("table", { name: "Active assignments" }).getByRole("progressbar").first() },
  { name: "activity (manager)", who: "arjun (admin)", path: (scene) => `${org(scene)}/activity`, ready: (page) => page.getByRole("listitem").filter({ hasText: "Noah Kim" }).first() },
  { name: "activity (hire)", who: "noah (hire)", path: (scene) => `${org(scene)}/activity`, ready: (page) => h1(page) },
  { name: "members", who: "olivia (owner)", path: (scene) => `${org(scene)}/members`, ready: (page) => page.getByRole("rowheader", { name: /Noah Kim/ }) },
  { name: "invitations", who: "olivia (owner)", path: (scene) => `${org(scene)}/invitations`, ready: (page) => page.getByTestId("invitation-row").first() },
  { name: "tracks", who: "olivia (owner)", path: (scene) => `${org(scene)}/tracks`, ready: (page) => page.getByRole("link", { name: /Python/ }).first() },
  { name: "import a track", who: "olivia (owner)", path: (scene) => `${org(scene)}/tracks/import`, ready: (page) => h1(page) },
  { name: "track", who: "olivia (owner)", path: track, ready: (page) => page.getByRole("list", { name: "Versions" }) },
  { name: "track version", who: "olivia (owner)", path: (scene) => `${track(scene)}/versions/1`, ready: (page) => page.getByRole("group", { name: "Version 1 tree" }) },
  { name: "track editor", who: "olivia (owner)", path: (scene) => `${track(scene)}/versions/${scene.draftNumber}/edit`, ready: (page) => page.getByRole("treeitem").first() },
  { name: "version diff", who: "olivia (owner)", path: (scene) => `${track(scene)}/versions/${scene.draftNumber}/diff?from=1`, ready: (page) => page.getByText(/basics/).first() },
  { name: "audit log", who: "olivia (owner)", path: (scene) => `${org(scene)}/audit`, ready: (page) => page.getByRole("list", { name: "Audit log" }).getByRole("listitem").first() },
  { name: "settings", who: "olivia (owner)", path: (scene) => `${org(scene)}/settings`, ready: (page) => h1(page, "Settings") },
  { name: "Slack settings", who: "olivia (owner)", path: (scene) => `${org(scene)}/settings/slack`, ready: (page) => h1(page) },
  { name: "webhooks", who: "olivia (owner)", path: (scene) => `${org(scene)}/settings/webhooks`, ready: (page) => page.getByText("Progress to the data warehouse").first() },
];

/** The people of the scene by viewer. */
export function personOf(scene: PageScene, who: Viewer): Person | null {
  const { people } = scene.demo;
  switch (who) {
    case "signed out":
      return null;
    case "loner":
      return scene.loner;
    case "olivia (owner)":
      return people.olivia;
    case "arjun (admin)":
      return people.arjun;
    case "mei (mentor)":
      return people.mei;
    case "noah (hire)":
      return people.noah;
  }
}

/** Waits until nothing on the page says it is still loading (a status line, a placeholder block). */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^(Loading|Verifying)\b/ })).toHaveCount(0);
  await expect(page.locator(".animate-pulse[aria-hidden='true']").filter({ visible: true })).toHaveCount(0);
}

/**
 * The table's fixtures: `scene` (one per worker, page-scene.ts) and `visit`, which signs the
 * test's page in as the row's viewer (the page keeps the spec's viewport), opens the row's
 * path and waits for what it shows.
 */
export const test = base.extend<{ visit: (row: AppPage) => Promise<void> }, { scene: PageScene }>({
  scene: [
    async ({ factory, browser }, use) => {
      const baseURL = process.env.E2E_BASE_URL;
      if (!baseURL) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`");
      await use(await makePageScene(factory, browser, baseURL));
    },
    { scope: "worker", timeout: 60_000 },
  ],
  visit: async ({ page, scene, signIn }, use) => {
    await use(async (row) => {
      const person = personOf(scene, row.who);
      if (person) await signIn(page, person);
      // What the row waits for says when the page is ready; the load event of a long page (the API reference) says nothing more.
      const response = await page.goto(row.path(scene), { waitUntil: "domcontentloaded" });
      expect(response?.status(), `${row.path(scene)} answers`).toBeLessThan(400);
      await expect(row.ready(page, scene)).toBeVisible();
      await settled(page);
    });
  },
});

export { expect };
