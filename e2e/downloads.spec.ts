import type { APIResponse, Dialog } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

// Issue 13: an evidence download carried the page policy (script-src with a nonce) instead of
// its own sandbox, because proxy.ts and next.config.ts set a CSP that Next.js keeps over the
// route's. This is the real server's answer; tests/security/download-csp.test.ts is the
// same at the level of the proxy and the route (decision 0016).

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

test("evidence downloads reach the browser with their sandbox policy, not the page's", async ({ baseURL, factory, pageAs }) => {
  const team = await factory.team("Downloads Org");
  const hire = await factory.person(team, { name: "Noor Haddad", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Rosa Quispe", role: "MENTOR" });
  const ownerApi = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const track = await ownerApi.publishedTrack({ text: STARTER });
  const keys = { Loops: await ownerApi.keyOf(track.id, "Loops"), Variables: await ownerApi.keyOf(track.id, "Variables") };
  const [assignmentId] = await ownerApi.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id], startDate: "2026-01-05" });

  // The hire sends a text file holding a script, and an image (one waiting attempt per item: two items).
  const hirePage = await pageAs(hire);
  const api = `${baseURL}/api/v1/o/${team.slug}`;
  const fileIds: string[] = [];
  for (const [key, file] of [
    [keys.Loops, { name: "notes.txt", mimeType: "text/html", buffer: Buffer.from(HOSTILE) }],
    [keys.Variables, { name: "screen.png", mimeType: "image/png", buffer: PNG }],
  ] as const) {
    const sent = await hirePage.request.post(`${api}/assignments/${assignmentId}/items/${key}/evidence`, { multipart: { note: "Evidence.", files: file }, headers: { origin: baseURL! } });
    expect(sent.status(), await sent.text()).toBe(201);
    fileIds.push(...((await sent.json()) as { files: Array<{ id: string }> }).files.map((sentFile) => sentFile.id));
  }
  expect(fileIds).toHaveLength(2);

  // The mentor downloads both: each answer is an attachment under the sandbox, whatever its type.
  const mentorPage = await pageAs(mentor);
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

  // Following the link in the browser saves the file; nothing renders in Cairn's origin.
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

  // Other API answers carry the API policy (JSON and the error envelope); pages still the nonce policy.
  const json = await mentorPage.request.get(api);
  expect(json.status()).toBe(200);
  expect(directives(json)).toEqual({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
  const missing = await mentorPage.request.get(`${api}/evidence/files/cjld2cjxh0000qzrmn831i7rn`);
  expect(missing.status()).toBe(404);
  expect(directives(missing)["default-src"]).toEqual(["'none'"]);
  const page = await mentorPage.request.get(`/o/${team.slug}`);
  expect(directives(page)["script-src"]).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
});
