/**
 * A progress write whose answer is lost on its way back (decision 0025): the server
 * wrote it, the browser saw a network error and tried again with the action's
 * Idempotency-Key, and the server answered from its record. One change in the
 * item's history, not two; the next action carries a new key.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const TRACK = ["# Retries", "", "=====", "Basics", "=====", "- Types", "- Scope", ""].join("\n");

const item = (page: Page, title: string) => page.getByRole("tree").getByRole("treeitem").filter({ has: page.getByText(title, { exact: true }) });
const isItemWrite = (method: string, url: string) => method === "PUT" && /\/items\/[^/]+$/.test(new URL(url).pathname);

test("a progress write whose answer was lost is retried with the same key and recorded once", async ({ page, factory, pageAs, signIn, baseURL }) => {
  const team = await factory.team("Retry Org");
  const hire = await factory.person(team, { name: "Ines Moreau", role: "MEMBER" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await ownerApi.publishedTrack({ text: TRACK });
  const typesKey = await ownerApi.keyOf(track.id, "Types");
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [team.owner.id] });

  const keys: Array<string | undefined> = [];
  const replayed: Array<string | null> = [];
  page.on("request", (request) => {
    if (isItemWrite(request.method(), request.url())) keys.push(request.headers()["idempotency-key"]);
  });
  page.on("response", (response) => {
    if (isItemWrite(response.request().method(), response.url())) replayed.push(response.headers()["idempotent-replayed"] ?? null);
  });
  // The first write reaches the server, which stores it; its answer never reaches the page.
  let served = 0;
  await page.route(
    "**/items/*",
    async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      const answer = await route.fetch();
      served = answer.status();
      await route.abort("internetdisconnected");
    },
    { times: 1 },
  );

  await signIn(page, hire);
  await page.goto(`/o/${team.slug}/assignments/${assignmentId}`);
  await item(page, "Types").focus();
  await page.keyboard.press(" ");
  await expect(item(page, "Types")).toHaveAttribute("aria-checked", "true");
  // The retry is answered from the server's record.
  await expect.poll(() => replayed).toEqual(["true"]);
  expect(served).toBe(200);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  expect(keys[1]).toBe(keys[0]);
  await expect(item(page, "Types")).toHaveAttribute("aria-checked", "true");
  const history = await ownerApi.get<{ items: Array<{ from: string; to: string }> }>(`/assignments/${assignmentId}/items/${typesKey}/history`);
  expect(history.items).toEqual([expect.objectContaining({ from: "NOT_STARTED", to: "DONE" })]);

  // The next action is a new write with a new key.
  await page.keyboard.press(" ");
  await expect.poll(() => replayed).toEqual(["true", null]);
  expect(keys).toHaveLength(3);
  expect(keys[2]).not.toBe(keys[0]);
  await expect(item(page, "Types")).toHaveAttribute("aria-checked", "false");
  const after = await ownerApi.get<{ items: Array<{ from: string; to: string }> }>(`/assignments/${assignmentId}/items/${typesKey}/history`);
  expect(after.items.map((change) => `${change.from}→${change.to}`)).toEqual(["DONE→NOT_STARTED", "NOT_STARTED→DONE"]);
});
