import type { Page } from "@playwright/test";
import { emailsTo } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";
import type { PageAs, TestFactory } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// A small track: "Loops" needs evidence before it is done; "Variables" does not.
const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
const PULL_REQUEST = "https://github.com/acme/api/pull/42";
const PAYLOAD = "<img src=x onerror=alert(1)>";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });
const entry = (page: Page, title: string) => page.getByRole("list", { name: "Waiting for review" }).getByRole("article", { name: title });

/** Opens an item's panel from the roadmap with the keyboard, as a hire would. */
async function openItem(page: Page, url: string, title: string) {
  await page.goto(url);
  await item(page, title).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: title });
  await expect(panel).toBeVisible();
  return panel;
}

/** Every page of a test watches for script dialogs (an XSS payload that ran) and console errors. */
function watch(page: Page, dialogs: string[], consoleErrors: string[]) {
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    // Chromium logs every failed request, and this test fails one on purpose (a refused review); anything else is a bug.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) consoleErrors.push(message.text());
  });
}

/**
 * An organization where Noor (hire) works on Starter with Rosa (mentor); "Loops" needs
 * evidence. Returns API handles for each person, for setting up the state a test starts from.
 */
async function evidenceSetup(factory: TestFactory, pageAs: PageAs, baseURL: string) {
  const team = await factory.team("Evidence Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL, team.slug);
  const track = await ownerApi.importTrack({ text: STARTER });
  const keys = { Loops: await ownerApi.keyOf(track.id, "Loops"), Variables: await ownerApi.keyOf(track.id, "Variables") };
  expect((await ownerApi.send("PATCH", `/tracks/${track.id}/versions/1/nodes/${keys.Loops}`, { evidenceRequired: true })).status()).toBe(200);
  await ownerApi.publish(track.id);
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2026-01-05" });
  return { team, hire, mentor, keys, assignmentId: assignmentId!, roadmapUrl: `/o/${team.slug}/assignments/${assignmentId}` };
}

/** The hire sends an attempt through the API; returns its id. */
async function submitThroughApi(api: OrgApi, assignmentId: string, key: string, body: { link?: string; note?: string }): Promise<string> {
  const response = await api.send("POST", `/assignments/${assignmentId}/items/${key}/evidence`, body, { "Idempotency-Key": crypto.randomUUID() });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a hire submits evidence from the item panel: what is missing is said before sending, the link is recognised, the note stays text", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  watch(page, dialogs, consoleErrors);
  const { hire, roadmapUrl } = await evidenceSetup(factory, pageAs, baseURL!);
  const submissions: Array<{ key: string | undefined }> = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && new URL(sent.url()).pathname.endsWith("/evidence")) submissions.push({ key: sent.headers()["idempotency-key"] });
  });

  // The evidence item offers no "Mark done", only the evidence form.
  await signIn(page, hire);
  const panel = await openItem(page, roadmapUrl, "Loops");
  await expect(panel).toContainText("State: Not started");
  await expect(panel.getByText("Evidence needed", { exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  const evidence = panel.getByRole("region", { name: "Evidence" });

  // Sending nothing says what is missing, next to the link field, without a request.
  await evidence.getByRole("button", { name: "Submit evidence" }).click();
  await expect(evidence.getByText("Add a link, a note or a file.")).toBeVisible();
  expect(submissions).toHaveLength(0);

  await evidence.getByLabel("Link", { exact: true }).fill(PULL_REQUEST);
  await expect(evidence.getByText("Recognised: Pull request acme/api#42")).toBeVisible();
  await evidence.getByLabel("Note", { exact: true }).fill(`Loops over the orders, with a guard.\n\n${PAYLOAD}`);
  await evidence.getByRole("button", { name: "Submit evidence" }).click();
  await expect(toasts(page)).toContainText("Attempt 1 sent for review");
  expect(submissions).toHaveLength(1);
  expect(submissions[0]!.key).toMatch(UUID);

  // The attempt: waiting, the pull request by its name (a new tab that gets nothing of this page), the note as text.
  const attempts = evidence.getByRole("list", { name: /^Attempts at “Loops”/ });
  const first = attempts.getByRole("article", { name: "Attempt 1" });
  await expect(first).toContainText("Waiting for review");
  await expect(first).toContainText("Sent by Noor Haddad");
  const link = first.getByRole("link", { name: "Pull request acme/api#42" });
  await expect(link).toHaveAttribute("href", PULL_REQUEST);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(first.getByText(PAYLOAD)).toBeVisible();
  await expect(panel.locator("img")).toHaveCount(0);
  await expect(evidence).toContainText("Attempt 1 is waiting for a mentor’s review.");
  await expect(evidence.getByRole("button", { name: "Submit evidence" })).toHaveCount(0);
  // Submitting started the item.
  await expect(panel).toContainText("State: In progress");
  await page.keyboard.press("Escape");
  await expect(item(page, "Loops")).toHaveAttribute("aria-checked", "mixed");
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the mentor finds the attempt from the Reviews tab and requests changes with the keyboard", async ({ factory, pageAs, baseURL }) => {
  // The decision is held 5 s for Undo before it is sent (decision 0043).
  test.setTimeout(60_000);
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const { team, hire, mentor, keys, assignmentId } = await evidenceSetup(factory, pageAs, baseURL!);
  await submitThroughApi(new OrgApi(await pageAs(hire), baseURL!, team.slug), assignmentId, keys.Loops, { link: PULL_REQUEST, note: `Loops over the orders, with a guard.\n\n${PAYLOAD}` });

  // The Reviews tab counts it; the queue shows it, the payload as text.
  const mentorPage = await pageAs(mentor);
  watch(mentorPage, dialogs, consoleErrors);
  await mentorPage.goto(`/o/${team.slug}`);
  const nav = mentorPage.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Reviews 1 waiting" })).toBeVisible();
  await nav.getByRole("link", { name: /^Reviews/ }).click();
  await expect(mentorPage).toHaveURL(new RegExp(`/o/${team.slug}/reviews$`));
  await expect(mentorPage.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  const loops = entry(mentorPage, "Loops");
  await expect(loops).toContainText("Noor Haddad · Starter · Basics · attempt 1");
  await expect(loops).toContainText(/waiting (under a minute|\d+ min)/);
  await expect(loops.getByRole("link", { name: "Pull request acme/api#42" })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(loops.getByText(PAYLOAD)).toBeVisible();
  await expect(mentorPage.getByRole("list", { name: "Waiting for review" }).locator("img")).toHaveCount(0);

  // "?" lists the shortcuts; "r" opens the comment with the focus in it, and typing there triggers nothing.
  await mentorPage.keyboard.press("?");
  const shortcuts = mentorPage.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Approve the selected entry");
  await mentorPage.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await mentorPage.keyboard.press("r");
  const comment = loops.getByLabel("What should change?");
  await expect(comment).toBeFocused();
  // Sending it empty is refused by the form.
  await mentorPage.keyboard.press("Control+Enter");
  await expect(loops.getByText("Say what should change.")).toBeVisible();
  await mentorPage.keyboard.type("Add a test for an empty order list, and a guard.");
  await expect(comment).toHaveValue("Add a test for an empty order list, and a guard.");
  await mentorPage.keyboard.press("Control+Enter");
  await expect(loops).toHaveCount(0);
  await expect(toasts(mentorPage)).toContainText("Changes requested on “Loops”");
  await expect(mentorPage.getByText("Nothing waits for your review.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Reviews", exact: true })).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the hire reads the requested changes, resubmits with a file (a disguised executable is refused), downloads it, and asks in the conversation", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  watch(page, dialogs, consoleErrors);
  const { team, hire, mentor, keys, assignmentId, roadmapUrl } = await evidenceSetup(factory, pageAs, baseURL!);
  const firstAttempt = await submitThroughApi(new OrgApi(await pageAs(hire), baseURL!, team.slug), assignmentId, keys.Loops, { link: PULL_REQUEST });
  const mentorApi = new OrgApi(await pageAs(mentor), baseURL!, team.slug);
  expect((await mentorApi.send("POST", `/evidence/${firstAttempt}/review`, { decision: "REQUEST_CHANGES", comment: "Add a test for an empty order list, and a guard." })).status()).toBe(200);
  const submissions: Array<{ key: string | undefined }> = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && new URL(sent.url()).pathname.endsWith("/evidence")) submissions.push({ key: sent.headers()["idempotency-key"] });
  });

  await signIn(page, hire);
  const panel = await openItem(page, roadmapUrl, "Loops");
  const sentBack = panel.getByRole("article", { name: "Attempt 1" });
  await expect(sentBack).toContainText("Changes requested");
  await expect(sentBack).toContainText("Changes requested by Rosa Quispe");
  await expect(sentBack).toContainText("Add a test for an empty order list, and a guard.");
  await expect(panel).toContainText("Changes were requested: read the comment, then send a new attempt.");
  const resubmit = panel.getByRole("region", { name: "Evidence" });
  await resubmit.getByLabel("Link", { exact: true }).fill(PULL_REQUEST);
  await resubmit.getByLabel("Note", { exact: true }).fill("Added the **test** for an empty list.");
  // A file the server refuses by its content (an executable named as a PDF), then a real one.
  const files = resubmit.getByLabel("Files", { exact: true });
  await files.setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
  await resubmit.getByRole("button", { name: "Submit evidence" }).click();
  await expect(resubmit.getByText("report.pdf is not an allowed file type: its content is an executable.")).toBeVisible();
  await files.setInputFiles({ name: "test-run.log", mimeType: "text/plain", buffer: Buffer.from("12 passed in 0.4s\n") });
  await resubmit.getByRole("button", { name: "Submit evidence" }).click();
  await expect(panel.getByRole("article", { name: "Attempt 2" })).toContainText("Waiting for review");
  const download = panel.getByRole("article", { name: "Attempt 2" }).getByRole("link", { name: /test-run\.log/ });
  const downloaded = await page.request.get(new URL((await download.getAttribute("href"))!, baseURL!).toString());
  expect(downloaded.status()).toBe(200);
  expect(downloaded.headers()["content-disposition"]).toBe('attachment; filename="test-run.log"');
  expect(downloaded.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await downloaded.text()).toBe("12 passed in 0.4s\n");
  // Markdown comes back as (sanitized) HTML.
  await expect(panel.getByRole("article", { name: "Attempt 2" }).locator("strong")).toHaveText("test");
  // The refused try and the accepted one were two submissions (different files: different keys).
  expect(submissions).toHaveLength(2);
  expect(submissions[0]!.key).toMatch(UUID);
  expect(submissions[1]!.key).toMatch(UUID);
  expect(submissions[1]!.key).not.toBe(submissions[0]!.key);
  // A question in the item's conversation.
  const conversation = panel.getByRole("region", { name: "Conversation" });
  await conversation.getByLabel("Message", { exact: true }).fill("Is one test for the empty list **enough**?");
  await conversation.getByRole("button", { name: "Send" }).click();
  await expect(conversation.getByRole("list", { name: "Messages" }).locator("strong")).toHaveText("enough");
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

/** Loops sent back once and sent again, Variables waiting too, and the hire's question on Loops. */
async function twoWaitingAttempts(factory: TestFactory, pageAs: PageAs, baseURL: string) {
  const setup = await evidenceSetup(factory, pageAs, baseURL);
  const { team, hire, mentor, keys, assignmentId } = setup;
  const hireApi = new OrgApi(await pageAs(hire), baseURL, team.slug);
  const mentorApi = new OrgApi(await pageAs(mentor), baseURL, team.slug);
  const firstAttempt = await submitThroughApi(hireApi, assignmentId, keys.Loops, { link: PULL_REQUEST });
  expect((await mentorApi.send("POST", `/evidence/${firstAttempt}/review`, { decision: "REQUEST_CHANGES", comment: "Add a test for an empty order list, and a guard." })).status()).toBe(200);
  const secondAttempt = await submitThroughApi(hireApi, assignmentId, keys.Loops, { link: PULL_REQUEST, note: "Added the **test** for an empty list." });
  await submitThroughApi(hireApi, assignmentId, keys.Variables, { note: "Read the chapter on names and scopes." });
  expect((await hireApi.send("POST", `/assignments/${assignmentId}/items/${keys.Loops}/comments`, { body: "Is one test for the empty list **enough**?" })).status()).toBe(201);
  return { ...setup, mentorApi, waitingOnLoops: secondAttempt };
}

test("the mentor works the queue with j, k and a: a refused approval puts the entry back, the next approval takes it off", async ({ factory, pageAs, baseURL }) => {
  // Each decision is held 5 s for Undo before it is sent (decision 0043): two of them, waited for, need the longer budget.
  test.setTimeout(60_000);
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const { team, mentor } = await twoWaitingAttempts(factory, pageAs, baseURL!);
  const mentorPage = await pageAs(mentor);
  watch(mentorPage, dialogs, consoleErrors);
  await mentorPage.goto(`/o/${team.slug}/reviews`);
  const nav = mentorPage.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Reviews 2 waiting" })).toBeVisible();
  const list = mentorPage.getByRole("list", { name: "Waiting for review" });
  await expect(list.getByRole("article")).toHaveCount(2);
  await expect(list.getByRole("heading", { level: 2 })).toHaveText(["Loops", "Variables"]);
  const variables = entry(mentorPage, "Variables");
  await expect(entry(mentorPage, "Loops")).toContainText("attempt 2");
  await expect(entry(mentorPage, "Loops")).toHaveAttribute("aria-current", "true");
  await mentorPage.keyboard.press("j");
  await expect(variables).toHaveAttribute("aria-current", "true");
  await expect(variables).toBeFocused();
  await mentorPage.keyboard.press("k");
  await expect(entry(mentorPage, "Loops")).toBeFocused();

  // Chromium logs the refused request ("Failed to load resource"): the watch leaves those out.
  await mentorPage.route(
    "**/evidence/*/review",
    (route) => route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: { code: "FORBIDDEN", message: "Not yours to review.", requestId: "x" } }) }),
    { times: 1 },
  );
  await mentorPage.keyboard.press("a");
  await expect(toasts(mentorPage)).toContainText("“Loops” was not approved");
  await expect(toasts(mentorPage)).toContainText("Not yours to review.");
  await expect(list.getByRole("article")).toHaveCount(2);
  await expect(list.getByRole("heading", { level: 2 })).toHaveText(["Loops", "Variables"]);
  // The selection moved on when the entry left; it is still where it went.
  await expect(variables).toHaveAttribute("aria-current", "true");
  await mentorPage.keyboard.press("k");
  await expect(entry(mentorPage, "Loops")).toBeFocused();
  await mentorPage.keyboard.press("a");
  await expect(entry(mentorPage, "Loops")).toHaveCount(0);
  await expect(toasts(mentorPage)).toContainText("Approved “Loops”");
  await expect(variables).toBeFocused();
  await expect(nav.getByRole("link", { name: "Reviews 1 waiting" })).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the mentor approves from the hire's roadmap and answers a question from a notification", async ({ factory, pageAs, baseURL }) => {
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const { mentor, keys, roadmapUrl, mentorApi, waitingOnLoops } = await twoWaitingAttempts(factory, pageAs, baseURL!);
  // Loops is approved (the queue's own test above does it with the keyboard).
  expect((await mentorApi.send("POST", `/evidence/${waitingOnLoops}/review`, { decision: "APPROVE" })).status()).toBe(200);
  const mentorPage = await pageAs(mentor);
  watch(mentorPage, dialogs, consoleErrors);
  const nav = mentorPage.getByRole("navigation", { name: "Organization" });

  // The mentor approves the other one from the hire's roadmap (read-only but for the review).
  const mentorPanel = await openItem(mentorPage, `${roadmapUrl}?item=${keys.Variables}`, "Variables");
  await expect(mentorPanel.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  await mentorPanel.getByRole("button", { name: "Approve" }).click();
  await expect(mentorPanel.getByRole("article", { name: "Attempt 1" })).toContainText("Approved by Rosa Quispe");
  await expect(mentorPanel).toContainText("State: Done");
  await expect(mentorPanel.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await mentorPage.keyboard.press("Escape");
  await expect(item(mentorPage, "Variables")).toHaveAttribute("aria-checked", "true");
  // The hire's question on Loops is in the mentor's notifications; its link opens the item with the conversation.
  await nav.getByRole("link", { name: /^Notifications/ }).click();
  await mentorPage.getByRole("link", { name: "Noor Haddad commented on “Loops”." }).click();
  const answerPanel = mentorPage.getByRole("dialog", { name: "Loops" });
  const answer = answerPanel.getByRole("region", { name: "Conversation" });
  await expect(answer).toContainText("Is one test for the empty list enough?");
  await answer.getByLabel("Message", { exact: true }).fill("Yes, that is the case that mattered.");
  await answer.getByRole("button", { name: "Send" }).click();
  await expect(answer.getByRole("list", { name: "Messages" }).getByRole("listitem")).toHaveCount(2);
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("once their evidence is approved the hire's items are done, and each review was emailed to them", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const { hire, roadmapUrl, mentorApi, waitingOnLoops } = await twoWaitingAttempts(factory, pageAs, baseURL!);
  const waiting = await mentorApi.get<{ items: Array<{ attempt: { id: string } }> }>("/reviews");
  for (const { attempt } of waiting.items) expect((await mentorApi.send("POST", `/evidence/${attempt.id}/review`, { decision: "APPROVE" })).status()).toBe(200);
  expect(waiting.items.map((entry) => entry.attempt.id)).toContain(waitingOnLoops);

  // The hire: Loops is done through the approval, and so is the track.
  watch(page, dialogs, consoleErrors);
  await signIn(page, hire);
  const panel = await openItem(page, roadmapUrl, "Loops");
  await expect(panel.getByRole("article", { name: "Attempt 2" })).toContainText("Approved");
  await expect(panel).toContainText("State: Done");
  await expect(panel.getByText("Evidence needed", { exact: true })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Submit evidence" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(item(page, "Loops")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText(/^2 of 2 items done/)).toBeVisible();

  // The hire got an email for each review of Loops (and the approval of Variables), through the email jobs
  // (the "You were assigned" email, held until the hire's quiet hours end, is the reminders' own: e2e/reminders.spec.ts).
  await expect.poll(async () => (await emailsTo(hire.email)).map((email) => email.subject).filter((subject) => !subject.startsWith("You were assigned")).sort()).toEqual(
    ["Changes requested on “Loops”", "“Loops” is approved", "“Variables” is approved"].sort(),
  );
  const changes = (await emailsTo(hire.email)).find((email) => email.subject === "Changes requested on “Loops”")!;
  expect(changes.text ?? "").toContain("Add a test for an empty order list, and a guard.");
  expect(changes.text ?? "").toContain(roadmapUrl);
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
