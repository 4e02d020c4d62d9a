import type { Page } from "@playwright/test";
import type { PageAs, TestFactory } from "./support/fixtures";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// Decision 0043: a decision is held a few seconds in the tab ("Approved · Undo", "Saving…"), then sent; Undo sends nothing.
const TRACK = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", "- Scope", ""].join("\n");
const OTHER = ["# Payments", "", "=====", "Money", "=====", "- Ledgers", ""].join("\n");
const DRAFT = ["# Not yet", "", "=====", "Draft", "=====", "- Something", ""].join("\n");

/**
 * Rosa mentors Noor, who has two attempts waiting (Variables, Loops); with `others`, Ari is on
 * another track, mentored by the owner, and a third track is only a draft.
 */
async function queueSetup(factory: TestFactory, pageAs: PageAs, baseURL: string, { others = false }: { others?: boolean } = {}) {
  const team = await factory.team("Undo Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  const starter = await ownerApi.publishedTrack({ text: TRACK });
  const [assignmentId] = await ownerApi.assign({ trackId: starter.id, assigneeIds: [hire.id], mentorIds: [mentor.id] });
  if (others) {
    const other = await factory.person(team, { name: "Ari Tanaka", role: "MEMBER" });
    const payments = await ownerApi.publishedTrack({ text: OTHER });
    await ownerApi.importTrack({ text: DRAFT });
    await ownerApi.assign({ trackId: payments.id, assigneeIds: [other.id], mentorIds: [team.owner.id] });
  }
  const hireApi = new OrgApi(await pageAs(hire), baseURL, team.slug);
  const submit = async (api: OrgApi, assignment: string, key: string, note: string) => {
    const response = await api.send("POST", `/assignments/${assignment}/items/${key}/evidence`, { note }, { "Idempotency-Key": crypto.randomUUID() });
    expect(response.status(), await response.text()).toBe(201);
  };
  const nodes = await ownerApi.nodes(starter.id);
  const keyOf = (title: string) => nodes.find((node) => node.title === title)!.stableKey;
  await submit(hireApi, assignmentId!, keyOf("Variables"), "Read the chapter on names.");
  await submit(hireApi, assignmentId!, keyOf("Loops"), "Wrote three loops.");
  return { team, mentor, hire, assignmentId: assignmentId!, hireApi, keyOf };
}

const list = (page: Page) => page.getByRole("list", { name: "Waiting for review" });
const entry = (page: Page, title: string) => list(page).getByRole("article", { name: title });

test("a decision shows “Approved · Undo” and Saving… at once; Undo sends nothing; the next one is saved", async ({ factory, pageAs, baseURL }) => {
  const { team, mentor, assignmentId, hireApi, keyOf } = await queueSetup(factory, pageAs, baseURL!);
  const page = await pageAs(mentor);
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/review")) sent.push(request.url());
  });
  await page.goto(`/o/${team.slug}/reviews`);
  await expect(list(page).getByRole("article")).toHaveCount(2);

  // Approve Variables: its line says so at once, with Undo and the pending marker.
  await entry(page, "Variables").getByRole("button", { name: "Approve" }).click();
  const decided = list(page).getByRole("group", { name: "Approved: Variables" });
  await expect(decided).toContainText("Approved · Undo");
  await expect(decided.getByRole("status")).toHaveText("Saving…");
  await expect(entry(page, "Variables")).toHaveCount(0);
  await decided.getByRole("button", { name: "Undo the decision on “Variables”" }).click();
  await expect(entry(page, "Variables")).toBeVisible();
  await expect(entry(page, "Variables")).toBeFocused();
  await expect(decided).toHaveCount(0);

  // Approve Loops and let it be saved: by then Variables would have been sent too, had Undo not taken it back.
  await entry(page, "Loops").getByRole("button", { name: "Approve" }).click();
  const loops = list(page).getByRole("group", { name: "Approved: Loops" });
  await expect(loops.getByRole("status")).toHaveText("Saving…");
  await expect(loops.getByRole("status")).toHaveText("Saved");
  await expect(loops.getByRole("button", { name: /Undo/ })).toHaveCount(0);
  expect(sent).toHaveLength(1);

  // The server agrees, as the hire sees it: Loops approved, Variables still waiting.
  const evidence = async (title: string) => (await hireApi.get<{ items: Array<{ status: string }> }>(`/assignments/${assignmentId}/items/${keyOf(title)}/evidence`)).items;
  expect((await evidence("Loops")).map((attempt) => attempt.status)).toEqual(["APPROVED"]);
  expect((await evidence("Variables")).map((attempt) => attempt.status)).toEqual(["SUBMITTED"]);
});

test("the filters offer only the mentor's mentees and their published tracks; leaving with a decision not yet saved asks first", async ({ factory, pageAs, baseURL }) => {
  const { team, mentor } = await queueSetup(factory, pageAs, baseURL!, { others: true });
  const page = await pageAs(mentor);
  const dialogs: Array<{ type: string; message: string }> = [];
  page.on("dialog", (dialog) => {
    dialogs.push({ type: dialog.type(), message: dialog.message() });
    void dialog.dismiss();
  });
  await page.goto(`/o/${team.slug}/reviews`);
  // Only Rosa's mentee (not Ari, not the owner), and only his track (not Ari's, not the draft).
  await expect(page.getByLabel("Hire").locator("option")).toHaveText(["Anyone", "Noor Haddad"]);
  await expect(page.getByLabel("Track").locator("option")).toHaveText(["Any track", "Starter"]);

  // The server never answers here, so the decision stays unconfirmed (held, then on its way) however long the checks take.
  await page.route("**/evidence/*/review", () => undefined);
  await entry(page, "Variables").getByRole("button", { name: "Approve" }).click();
  await expect(list(page).getByRole("group", { name: "Approved: Variables" }).getByRole("status")).toHaveText("Saving…");

  // A link inside the app: the question, and staying (dismissed) keeps the page and the decision.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Activity" }).click();
  await expect.poll(() => dialogs.map((dialog) => dialog.type)).toEqual(["confirm"]);
  expect(dialogs[0]!.message).toBe("Review decisions are not saved yet. Leave this page anyway?");
  await expect(page).toHaveURL(new RegExp(`/o/${team.slug}/reviews`));

  // Closing the tab or reloading: the page asks the browser to ask (the event's default is prevented).
  const prevented = await page.evaluate(() => {
    const leaving = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leaving);
    return leaving.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("closing the tab while a decision is held sends it, after the browser's question: the hire sees it approved", async ({ factory, pageAs, baseURL }) => {
  const { team, mentor, assignmentId, hireApi, keyOf } = await queueSetup(factory, pageAs, baseURL!);
  const page = await pageAs(mentor);
  const questions: string[] = [];
  page.on("dialog", (dialog) => {
    questions.push(dialog.type());
    void dialog.accept();
  });
  await page.goto(`/o/${team.slug}/reviews`);
  await entry(page, "Variables").getByRole("button", { name: "Approve" }).click();
  await expect(list(page).getByRole("group", { name: "Approved: Variables" }).getByRole("status")).toHaveText("Saving…");

  // Within the hold (nothing sent yet), the tab closes: the browser asks, the mentor leaves anyway.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => questions).toEqual(["beforeunload"]);

  // The decision was not dropped with the page.
  const evidence = async (title: string) => (await hireApi.get<{ items: Array<{ status: string }> }>(`/assignments/${assignmentId}/items/${keyOf(title)}/evidence`)).items;
  await expect.poll(async () => (await evidence("Variables")).map((attempt) => attempt.status)).toEqual(["APPROVED"]);
  expect((await evidence("Loops")).map((attempt) => attempt.status)).toEqual(["SUBMITTED"]);
});
