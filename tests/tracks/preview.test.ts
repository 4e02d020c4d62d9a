import { describe, expect, it } from "vitest";
import { BROKEN, SEED_TEXT, organizationWith, previewImport, trackRowCounts } from "./tracks-fixture";

describe("POST /api/v1/o/{orgSlug}/tracks/import/preview", () => {
  it("shows the seed's counts, repairs and tree, and writes nothing", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const before = await trackRowCounts(organization.id);
    const { status, json } = await previewImport(organization.slug, members[0]!.cookie, { text: SEED_TEXT });
    expect(status).toBe(200);
    expect(json!.ok).toBe(true);
    expect(json!.errors).toEqual([]);
    expect(json!.title).toBe("🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)");
    expect(json!.stats).toEqual({ sections: 15, topics: 299, items: 404, optional: 3, maxDepth: 7 });
    expect(json!.tree).toHaveLength(718);
    expect(json!.tree[0]).toEqual({ depth: 0, kind: "SECTION", title: "FOUNDATIONS (backend prerequisites)", optional: false, line: 5, links: 0 });
    expect(json!).toMatchObject({ format: "text", detected: true });
    expect(json!.tree.filter((row: { kind: string }) => row.kind === "SECTION")).toHaveLength(15);
    // The mojibake title and the chat-export citations are each reported with their line.
    const titleRepair = json!.repairs[0];
    expect(titleRepair).toMatchObject({ line: 1, column: 3, kind: "mojibake", after: "🐍", message: expect.stringMatching(/^Line 1, column 3: /) });
    expect(SEED_TEXT.split("\n")[0]).toContain(titleRepair.before);
    expect(json!.repairs.filter((repair: { kind: string }) => repair.kind === "citation").length).toBeGreaterThan(0);
    expect(JSON.stringify(json!.tree)).not.toContain("contentReference");
    expect(await trackRowCounts(organization.id)).toEqual(before);
  });

  it("lists each error of broken text with its line and column, and no tree", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { status, json } = await previewImport(organization.slug, members[0]!.cookie, { text: BROKEN });
    expect(status).toBe(200);
    expect(json!.ok).toBe(false);
    expect(json!.stats).toBeNull();
    expect(json!.tree).toEqual([]);
    expect(json!.errors).toEqual([
      { line: 8, column: expect.any(Number), code: "indent-jump", message: expect.stringMatching(/^Line 8, column \d+: /) },
      { line: 9, column: 1, code: "empty-item", message: expect.stringMatching(/^Line 9, column 1: /) },
    ]);
    expect(await trackRowCounts(organization.id)).toEqual({ tracks: 0, versions: 0, nodes: 0, events: 0 });
  });

  it("refuses a body with unknown fields or no text", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const unknown = await previewImport(organization.slug, members[0]!.cookie, { text: "x", extra: 1 });
    expect(unknown.status).toBe(422);
    expect(unknown.json!.error.details.issues).toEqual([{ path: "body.extra", message: "Unknown field." }]);
    expect((await previewImport(organization.slug, members[0]!.cookie, { text: "" })).status).toBe(422);
  });
});
