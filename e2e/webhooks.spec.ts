import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../lib/webhooks/signature";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 (the e2e server runs with WEBHOOK_ALLOW_PRIVATE=true). */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cairn`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TRACK = ["# Hooks", "", "=====", "Basics", "=====", "- First step", "- Second step", ""].join("\n");

test("an owner registers a webhook, sends a test event and receives a hire's progress, signed", async ({ page, factory, signIn, pageAs, baseURL }) => {
  // Each delivery waits for job-queue polls (2 s each: the fan-out, then the sender), and the log refreshes every 2 s.
  test.setTimeout(60_000);
  const receiver = await startReceiver();
  try {
    const team = await factory.team("Webhook Org");
    const hire = await factory.person(team, { name: "Hana Webb", role: "MEMBER" });
    await signIn(page, team.owner);
    const api = new OrgApi(page, baseURL!, team.slug);
    const track = await api.publishedTrack({ text: TRACK });
    const [assignmentId] = await api.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });
    const key = await api.keyOf(track.id, "First step");

    await page.goto(`/o/${team.slug}/settings`);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("No webhooks yet. Add one above.")).toBeVisible();

    await page.getByRole("textbox", { name: "Payload URL" }).fill(receiver.url);
    await page.getByRole("textbox", { name: "Description (optional)" }).fill("Receiver");
    // Nothing chosen: refused on the page, nothing sent.
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Choose at least one event type.")).toBeVisible();
    await page.getByRole("checkbox", { name: "progress.updated" }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();

    const dialog = page.getByRole("dialog", { name: "Your signing secret" });
    await expect(dialog).toBeVisible();
    const secret = (await dialog.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    const endpoint = page.getByRole("listitem", { name: "Receiver" });
    await expect(endpoint).toContainText(receiver.url);
    await expect(endpoint).toContainText("On");
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    const log = endpoint.getByRole("table", { name: "Delivery log" });
    const testRow = log.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(testRow).toContainText("Delivered");
    await expect(testRow).toContainText("HTTP 204");
    expect(receiver.received).toHaveLength(1);
    expect(verifySignature(secret, String(receiver.received[0]!.headers["cairn-signature"]), receiver.received[0]!.body)).toBe(true);

    // A real event: the hire starts an item through the API.
    const hirePage = await pageAs(hire);
    const hireApi = new OrgApi(hirePage, baseURL!, team.slug);
    expect((await hireApi.send("PUT", `/assignments/${assignmentId}/items/${key}`, { state: "IN_PROGRESS" })).status()).toBe(200);
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    const delivered = receiver.received[1]!;
    expect(verifySignature(secret, String(delivered.headers["cairn-signature"]), delivered.body)).toBe(true);
    const body = JSON.parse(delivered.body);
    expect(body.event).toMatchObject({ type: "progress.updated", subjectType: "assignment", subjectId: assignmentId, actorId: hire.id, payload: { key, to: "IN_PROGRESS" } });
    expect(body.event.traceParent).toBeUndefined();

    // The log shows it too.
    await page.reload();
    await page.getByRole("listitem", { name: "Receiver" }).getByRole("button", { name: "Show delivery log" }).click();
    await expect(page.getByRole("table", { name: "Delivery log" }).getByRole("row").filter({ hasText: "progress.updated" })).toContainText("Delivered");
    await hirePage.close();
  } finally {
    await receiver.close();
  }
});

test("an owner connects a Slack channel: Slack URLs only, the URL masked, turned off and deleted", async ({ page, factory, signIn }) => {
  const team = await factory.team("Slack Org");
  await signIn(page, team.owner);
  await page.goto(`/o/${team.slug}/settings/slack`);
  await expect(page.getByRole("heading", { level: 1, name: "Slack" })).toBeVisible();
  await expect(page.getByText("No Slack channels yet. Add one above.")).toBeVisible();
  // The kinds Slack can post are chosen already, stuck and overdue included.
  for (const label of ["Evidence waiting for review", "Review done (approved or changes requested)", "Hire stuck", "Assignment overdue", "Assignment completed"]) {
    await expect(page.getByRole("checkbox", { name: label })).toBeChecked();
  }

  const url = page.getByRole("textbox", { name: "Incoming-webhook URL" });
  await url.fill("https://example.com/services/T1/B1/abc");
  await page.getByRole("button", { name: "Connect channel" }).click();
  await expect(url).toHaveAccessibleDescription(/must be a Slack incoming-webhook URL/);

  await url.fill("https://hooks.slack.com/services/T0001/B0002/verysecretpart");
  await page.getByRole("textbox", { name: "Channel name (optional)" }).fill("#onboarding");
  await page.getByRole("checkbox", { name: "Assignment completed" }).uncheck();
  await page.getByRole("button", { name: "Connect channel" }).click();
  const channel = page.getByRole("listitem", { name: "#onboarding" });
  await expect(channel).toContainText("https://hooks.slack.com/services/T0001/…");
  await expect(channel).not.toContainText("verysecretpart");
  await expect(channel).toContainText("Evidence waiting for review, Review done (approved or changes requested), Hire stuck, Assignment overdue");
  await expect(channel.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);

  await channel.getByRole("button", { name: "Turn off" }).click();
  await expect(channel).toContainText("Off: Turned off by an owner.");
  await expect(channel.getByRole("button", { name: "Send test event" })).toBeDisabled();

  await channel.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete #onboarding?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No Slack channels yet. Add one above.")).toBeVisible();
});

test("an owner edits a webhook's URL and event types; the page checks them and keeps what was saved", async ({ page, factory, signIn, baseURL }) => {
  // Two page loads, five round trips through the dialog and a reload: 25–30 s on the shared 2-core machine.
  test.setTimeout(60_000);
  const team = await factory.team("Edit Hooks Org");
  await signIn(page, team.owner);
  const api = new OrgApi(page, baseURL!, team.slug);
  const created = await api.send("POST", "/webhooks", { url: "http://127.0.0.1:9/old", eventTypes: ["progress.updated"], description: "Builds" });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/o/${team.slug}/settings/webhooks`);
  const endpoint = page.getByRole("listitem", { name: "Builds" });
  await expect(endpoint).toContainText("http://127.0.0.1:9/old");
  await endpoint.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Builds" });
  const url = dialog.getByRole("textbox", { name: "Payload URL" });
  // Opened with what is saved, the URL focused (keyboard first).
  await expect(url).toBeFocused();
  await expect(url).toHaveValue("http://127.0.0.1:9/old");
  await expect(dialog.getByRole("checkbox", { name: "progress.updated" })).toBeChecked();

  // Checked on the page, then by the server; the messages sit by their fields.
  await url.fill("");
  await dialog.getByRole("checkbox", { name: "progress.updated" }).uncheck();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(url).toHaveAccessibleDescription(/Enter the URL\./);
  await expect(dialog.getByText("Choose at least one event type.")).toBeVisible();
  await expect(url).toBeFocused();
  await url.fill("ftp://127.0.0.1/new");
  await dialog.getByRole("checkbox", { name: "Hire stuck" }).check();
  await dialog.getByRole("checkbox", { name: "comment.created" }).check();
  // Enter in the URL field submits, as in any form.
  await url.press("Enter");
  await expect(url).toHaveAccessibleDescription(/must be an http:\/\/ or https:\/\/ URL/);
  await expect(dialog).toBeVisible();

  await url.fill("http://127.0.0.1:9/new");
  await dialog.getByRole("textbox", { name: "Description (optional)" }).fill("Builds (moved)");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Saved");
  // Focus goes back to the button that opened it.
  await expect(page.getByRole("listitem", { name: "Builds (moved)" }).getByRole("button", { name: "Edit" })).toBeFocused();

  await page.reload();
  const saved = page.getByRole("listitem", { name: "Builds (moved)" });
  await expect(saved).toContainText("http://127.0.0.1:9/new");
  await expect(saved).toContainText("Hire stuck, comment.created");
  await expect(saved).not.toContainText("progress.updated");
  await saved.getByRole("button", { name: "Edit" }).click();
  const again = page.getByRole("dialog", { name: "Edit Builds (moved)" });
  await expect(again.getByRole("textbox", { name: "Payload URL" })).toHaveValue("http://127.0.0.1:9/new");
  await expect(again.getByRole("checkbox", { name: "Hire stuck" })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "comment.created" })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "progress.updated" })).not.toBeChecked();
  await page.keyboard.press("Escape");
  await expect(again).toBeHidden();
});
