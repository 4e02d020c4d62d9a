/**
 * GET /api/v1/o/{orgSlug}/audit/export?format=csv|json: the same filters, streamed
 * in keyset batches (AUDIT_EXPORT_BATCH_SIZE, set to 3 here so a few dozen rows take
 * many batches), with a file name, recorded as an `audit.exported` event.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/audit/export/route";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { auditOrg, eventAt, eventsOf, exportAudit } from "./audit-fixture";

const ROWS = 20;

beforeAll(() => {
  process.env.AUDIT_EXPORT_BATCH_SIZE = "3";
  resetConfig();
});
afterAll(() => {
  delete process.env.AUDIT_EXPORT_BATCH_SIZE;
  resetConfig();
});

async function orgWithManyEvents() {
  const org = await auditOrg();
  for (let index = 0; index < ROWS; index += 1) {
    await eventAt(org.organization.id, {
      type: index % 2 === 0 ? "member.invited" : "member.invitation_revoked",
      // A name a spreadsheet would run as a formula.
      actorId: index === 4 ? org.people.mentor.id : org.people.admin.id,
      subjectType: "invitation",
      subjectId: `inv-${index}`,
      payload: { email: `person-${index}@example.test`, role: "MEMBER" },
    });
  }
  await getDb().user.update({ where: { id: org.people.mentor.id }, data: { name: '=HYPERLINK("http://evil.test","x")' } });
  return org;
}

/** Reads a streamed body chunk by chunk, as a browser's download does. */
async function readChunks(response: Response): Promise<string[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream("utf-8", { ignoreBOM: true })).getReader();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function exportRequest(slug: string, cookie: string, query: string) {
  return exportRoute(new Request(`http://localhost:3000/api/v1/o/${slug}/audit/export?${query}`, { headers: { cookie, [CLIENT_IP_HEADER]: "10.20.30.40" } }), {
    params: Promise.resolve({ orgSlug: slug }),
  });
}

describe("GET /api/v1/o/{orgSlug}/audit/export", () => {
  it("streams every matching event as CSV over many batches, newest first, formulas kept as text", async () => {
    const { slug, people } = await orgWithManyEvents();
    const response = await exportRequest(slug, people.admin.cookie, "format=csv&type=member.invited,member.invitation_revoked");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="cairn-${slug}-audit-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const chunks = await readChunks(response);
    // One chunk per batch of 3: the body was written as it was read, not at the end.
    expect(chunks.length).toBe(Math.ceil(ROWS / 3));
    const text = chunks.join("");
    expect(text.startsWith("\uFEFFSequence,Time (UTC),Type")).toBe(true);
    const records = parse(text.slice(1), { columns: true, record_delimiter: "\r\n" }) as Array<Record<string, string>>;
    expect(records).toHaveLength(ROWS);
    const sequences = records.map((record) => Number(record.Sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(new Set(sequences).size).toBe(ROWS);
    expect(records.at(-1)).toMatchObject({ Type: "member.invited", "Subject id": "inv-0", Actor: `Admin ${slug}`, Description: `Admin ${slug} invited person-0@example.test as Member.` });
    const formula = records.find((record) => record["Subject id"] === "inv-4")!;
    expect(formula.Actor).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(formula.Description).toBe(`'=HYPERLINK("http://evil.test","x") invited person-4@example.test as Member.`);
  });

  it("streams JSON: one array of the list's entries, the export's own event included", async () => {
    const { slug, people, organization } = await orgWithManyEvents();
    const response = await exportRequest(slug, people.owner.cookie, "format=json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="cairn-.*-audit-\d{4}-\d{2}-\d{2}\.json"$/);
    const chunks = await readChunks(response);
    expect(chunks.length).toBeGreaterThan(2);
    const entries = JSON.parse(chunks.join("")) as Array<{ type: string; sequence: number; description: string }>;
    expect(entries).toHaveLength(ROWS + 1);
    expect(entries[0]).toMatchObject({ type: "audit.exported", description: `Owner ${slug} exported the audit log as JSON (everything).` });
    const [recorded] = await eventsOf(organization.id, ["audit.exported"]);
    expect(recorded).toMatchObject({ actorId: people.owner.id, subjectType: "organization", subjectId: organization.id, payload: { format: "json", filters: {} } });
  });

  it("applies the filters, records them with the export, and answers an empty file for no match", async () => {
    const { slug, people, organization } = await orgWithManyEvents();
    const filtered = await exportAudit(slug, people.admin.cookie, `format=json&type=member.invitation_revoked&actor=${people.admin.id}`);
    const entries = JSON.parse(filtered.text) as Array<{ type: string }>;
    expect(entries.map((entry) => entry.type)).toEqual(Array(ROWS / 2).fill("member.invitation_revoked"));
    expect(filtered.response.headers.get("content-disposition")).toMatch(/\.json"$/);
    const none = await exportAudit(slug, people.admin.cookie, `format=json&actor=${people.member.id}`);
    expect(JSON.parse(none.text)).toEqual([]);
    const noneCsv = await exportAudit(slug, people.admin.cookie, `format=csv&actor=${people.member.id}`);
    expect(noneCsv.text.split("\r\n").filter(Boolean)).toHaveLength(1);
    const recorded = await eventsOf(organization.id, ["audit.exported"]);
    expect(recorded.map((event) => event.payload)).toEqual([
      { format: "json", filters: { type: ["member.invitation_revoked"], actor: people.admin.id } },
      { format: "json", filters: { actor: people.member.id } },
      { format: "csv", filters: { actor: people.member.id } },
    ]);
  });

  it("refuses bad filters (422, nothing recorded), mentors and members (403) and other organizations (404)", async () => {
    const { slug, people, organization } = await orgWithManyEvents();
    const other = await auditOrg();
    const bad = await exportAudit(slug, people.admin.cookie, "format=xml");
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(["query.format"]);
    expect((await exportAudit(slug, people.admin.cookie, "type=nope")).status).toBe(422);
    expect((await exportAudit(slug, people.admin.cookie, "from=2026-13-01")).status).toBe(422);
    expect((await exportAudit(slug, people.mentor.cookie, "format=csv")).status).toBe(403);
    expect((await exportAudit(slug, people.member.cookie, "format=json")).status).toBe(403);
    expect((await exportAudit(slug, other.people.owner.cookie, "format=csv")).status).toBe(404);
    expect(await eventsOf(organization.id, ["audit.exported"])).toEqual([]);
  });
});
