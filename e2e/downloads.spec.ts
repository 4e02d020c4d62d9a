import type { APIResponse, Dialog } from "@playwright/test";
import { expect, signedInPage, test } from "./support/fixtures";

// Issue 13: an evidence download carried the page policy (script-src with a nonce) instead of
// its own sandbox, because proxy.ts and next.config.ts set a CSP that Next.js keeps over the
// route's. This is the real server's answer; tests/security/download-csp.test.ts is the
// same at the level of the proxy and the route.

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
// Text a browser would run as a page if it ever rendered it in Cairn's origin.
const HOSTILE = "<!doctype html><script>alert(document.domain)</script>\n";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** The CSP's directives as a map, e.g. { sandbox: [], "default-src": ["'none'"] }. */
function directives(response: APIResponse): Record<string, string[]> {
  const policy = response.headers()["content-security-policy"];
  expect(policy, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  return Object.fromEntries(policy!.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

test("evidence downloads reach the browser with their sandbox policy, not the page's", async ({ browser, baseURL, factory }) => {
  test.setTimeout(90_000);
  const team = await factory.team("Downloads Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  const write = { headers: { origin: baseURL! } };
  const api = `${baseURL}/api/v1/o/${team.slug}`;

  // The owner publishes a small track and assigns it to the hire, with the mentor.
  const owner = await signedInPage(browser, team.owner);
  const track = await owner.request.post(`${api}/tracks`, { data: { text: STARTER }, ...write });
  expect(track.status()).toBe(201);
  const trackId = ((await track.json()) as { id: string }).id;
  const draft = (await (await owner.request.get(`${api}/tracks/${trackId}/versions/1`)).json()) as { nodes: Array<{ title: string; stableKey: string }> };
  const loops = draft.nodes.find((node) => node.title === "Loops")!.stableKey;
  expect((await owner.request.post(`${api}/tracks/${trackId}/versions/1/publish`, write)).status()).toBe(200);
  const assigned = await owner.request.post(`${api}/assignments`, { data: { trackId, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2026-01-05" }, ...write });
  expect(assigned.status()).toBe(201);
  const assignmentId = ((await assigned.json()) as { items: Array<{ id: string }> }).items[0]!.id;

  // The hire sends a text file holding a script, then an image (one waiting attempt at a time: the second item).
  const hirePage = await signedInPage(browser, hire);
  const variables = draft.nodes.find((node) => node.title === "Variables")!.stableKey;
  const fileIds: string[] = [];
  for (const [key, file] of [
    [loops, { name: "notes.txt", mimeType: "text/html", buffer: Buffer.from(HOSTILE) }],
    [variables, { name: "screen.png", mimeType: "image/png", buffer: PNG }],
  ] as const) {
    const sent = await hirePage.request.post(`${api}/assignments/${assignmentId}/items/${key}/evidence`, { multipart: { note: "Evidence.", files: file }, ...write });
    expect(sent.status(), await sent.text()).toBe(201);
    fileIds.push(...((await sent.json()) as { files: Array<{ id: string }> }).files.map((sentFile) => sentFile.id));
  }
  expect(fileIds).toHaveLength(2);

  // The mentor downloads both: each answer is an attachment under the sandbox, whatever its type.
  const mentorPage = await signedInPage(browser, mentor);
  for (const fileId of fileIds) {
    const download = await mentorPage.request.get(`${api}/evidence/files/${fileId}`);
    expect(download.status()).toBe(200);
    const policy = directives(download);
    expect(policy.sandbox, "sandbox").toEqual([]);
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toBeUndefined();
    expect(download.headers()["content-security-policy"]).not.toContain("nonce-");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["cross-origin-resource-policy"]).toBe("same-origin");
  }

  // Opening the link in the browser saves the file; nothing renders in Cairn's origin.
  const dialogs: string[] = [];
  mentorPage.on("dialog", (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await mentorPage.goto(`/o/${team.slug}`);
  const [saved] = await Promise.all([
    mentorPage.waitForEvent("download"),
    mentorPage.evaluate((url: string) => {
      window.location.href = url;
    }, `${api}/evidence/files/${fileIds[0]}`),
  ]);
  expect(saved.suggestedFilename()).toBe("notes.txt");
  expect(dialogs).toEqual([]);

  // The other API answers carry the API policy, and pages still the nonce policy.
  const json = await mentorPage.request.get(`${api}`);
  expect(json.status()).toBe(200);
  expect(directives(json)["default-src"]).toEqual(["'none'"]);
  expect(directives(json)["frame-ancestors"]).toEqual(["'none'"]);
  const missing = await mentorPage.request.get(`${api}/evidence/files/cjld2cjxh0000qzrmn831i7rn`);
  expect(missing.status()).toBe(404);
  expect(directives(missing)["default-src"]).toEqual(["'none'"]);
  const page = await mentorPage.request.get(`/o/${team.slug}`);
  expect(directives(page)["script-src"]).toEqual(expect.arrayContaining(["'strict-dynamic'"]));

  for (const opened of [owner, hirePage, mentorPage]) await opened.context().close();
});
