import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { GET as downloadRoute } from "@/app/api/v1/o/[orgSlug]/evidence/files/[fileId]/route";
import { getDb } from "@/lib/db/client";
import { MAX_FILE_BYTES } from "@/lib/evidence/file-types";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getStorage } from "@/lib/storage";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, submitEvidence } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
// The start of an ELF executable, named as a PDF.
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);

function form(fields: Record<string, string>, files: Array<[Uint8Array, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (const [bytes, name] of files) data.append("files", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "application/octet-stream" }));
  return data;
}

/** The files the local storage holds for an organization (tests store under UPLOADS_DIR). */
function storedFiles(organizationId: string): string[] {
  const directory = path.join(getConfig().UPLOADS_DIR, "evidence", organizationId);
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => !name.startsWith(".")) : [];
}

const download = (slug: string, cookie: string, fileId: string) =>
  callRoute(downloadRoute, { path: `/api/v1/o/${slug}/evidence/files/${fileId}`, params: { orgSlug: slug, fileId }, cookie }).catch(() => undefined);

/** The raw download (callRoute reads JSON; files are bytes). */
async function downloadBytes(slug: string, cookie: string, fileId: string) {
  const request = new Request(`http://localhost:3000/api/v1/o/${slug}/evidence/files/${fileId}`, { headers: { cookie } });
  const response = await downloadRoute(request, { params: Promise.resolve({ orgSlug: slug, fileId }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("evidence files", () => {
  it("takes files with an attempt by multipart, typed by their content, and serves them only as authorized attachments", async () => {
    const org = await assignedOrg();
    const sent = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({ link: "", note: "Screenshot and log." }, [[PNG, "screen.png"], [new TextEncoder().encode("ok\n"), "run.log"]]));
    expect(sent.status).toBe(201);
    expect(sent.json!.files).toMatchObject([
      { name: "screen.png", mime: "image/png", size: PNG.length },
      { name: "run.log", mime: "text/plain", size: 3 },
    ]);
    expect(sent.json!.link).toBeNull();
    const [png] = sent.json!.files as Array<{ id: string; url: string }>;
    expect(png!.url).toBe(`/api/v1/o/${org.slug}/evidence/files/${png!.id}`);

    const mine = await downloadBytes(org.slug, org.mentor.cookie, png!.id);
    expect(mine.response.status).toBe(200);
    expect(mine.bytes).toEqual(PNG);
    expect(mine.response.headers.get("content-type")).toBe("image/png");
    expect(mine.response.headers.get("content-disposition")).toBe('attachment; filename="screen.png"');
    expect(mine.response.headers.get("x-content-type-options")).toBe("nosniff");

    // Someone in the organization who does not see the assignment, and another organization: 404.
    expect((await downloadBytes(org.slug, org.otherHire.cookie, png!.id)).response.status).toBe(404);
    const outsider = await assignedOrg();
    expect((await downloadBytes(outsider.slug, outsider.owner.cookie, png!.id)).response.status).toBe(404);
    expect(await download(org.slug, org.hire.cookie, "cjld2cjxh0000qzrmn831i7rn")).toMatchObject({ status: 404 });
  });

  it("refuses a renamed executable, too many files and too many bytes, and keeps nothing of a refused submission", async () => {
    const org = await assignedOrg();
    const before = await getDb().evidenceFile.count();
    const renamed = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({ note: "report" }, [[ELF, "report.pdf"]]));
    expect(renamed.status).toBe(422);
    expect(renamed.json!.error.details.issues[0]).toMatchObject({ path: "body.files", message: expect.stringContaining("executable") });

    const six = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({}, Array.from({ length: 6 }, (_, index): [Uint8Array, string] => [PNG, `p${index}.png`])));
    expect(six.status).toBe(422);

    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    const tooBig = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({}, [[big, "big.txt"]]));
    expect(tooBig.status).toBe(413);

    const nine = new Uint8Array(9 * 1024 * 1024).fill(0x61);
    const tooMuch = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({}, [[nine, "a.txt"], [nine, "b.txt"], [nine, "c.txt"]]));
    expect(tooMuch.status).toBe(413);

    // A file in another field, and a refusal after the files were stored (the mentor may not submit): nothing stays.
    const wrongField = new FormData();
    wrongField.append("attachment", new File([PNG as Uint8Array<ArrayBuffer>], "x.png"));
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), wrongField)).status).toBe(422);
    const filesOnDisk = () => storedFiles(org.organization.id);
    expect((await submitEvidence(org.slug, org.mentor.cookie, org.assignmentId, org.key("Loops"), form({}, [[PNG, "x.png"]]))).status).toBe(403);
    expect(filesOnDisk()).toEqual([]);
    expect(await getDb().evidenceFile.count()).toBe(before);
    expect(await getDb().evidenceAttempt.count({ where: { organizationId: org.organization.id } })).toBe(0);

    // A file alone is enough evidence; what was stored is there.
    const alone = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({}, [[PNG, "only.png"]]));
    expect(alone.status).toBe(201);
    const row = await getDb().evidenceFile.findFirstOrThrow({ where: { attemptId: alone.json!.id } });
    expect(filesOnDisk()).toHaveLength(1);
    const stored = await getStorage().get(row.storageKey);
    expect(new Uint8Array(await new Response(stored!.body).arrayBuffer())).toEqual(PNG);
  });

  it("takes a file whose name is a million dots between letters, keeping 120 characters of it (trimming it was quadratic, decision 0015)", async () => {
    const org = await assignedOrg();
    const name = `a${".".repeat(1024 * 1024)}a.png`;
    const sent = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form({}, [[PNG, name]]));
    expect(sent.status).toBe(201);
    const [file] = sent.json!.files as Array<{ name: string }>;
    expect(file!.name).toMatch(/^a\.+\.png$/);
    expect(file!.name).toHaveLength(120);
  });
});
