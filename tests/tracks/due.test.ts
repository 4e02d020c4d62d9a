import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { StoredNode, VersionRef } from "./edit-fixture";
import { addNodes, updateNode } from "./edit-fixture";
import { createDraft, createTrack, exportText, exportVersion, getVersion, organizationWith, publishVersion } from "./tracks-fixture";

// Relative dues in the text format, the editor's endpoints and the exports (decision 0030).
const TEXT = [
  "# Pacing",
  "",
  "=====",
  "Basics (Due Week 1)",
  "=====",
  "- Laptop (due day 1)",
  "  - Editor (optional) (due day 2)",
  "- Reading about due day 3",
  "",
  "=====",
  "Web",
  "=====",
  "- HTTP (due week 2)",
  "",
].join("\n");

type Node = StoredNode & { due: { unit: "day" | "week"; count: number } | null };

async function importedTrack(text = TEXT) {
  const { organization, members } = await organizationWith("OWNER", "MEMBER");
  const [owner, member] = members as [(typeof members)[number], (typeof members)[number]];
  const created = await createTrack(organization.slug, owner.cookie, { text });
  expect(created.status).toBe(201);
  const ref: VersionRef = { slug: organization.slug, trackId: created.json!.id as string, number: 1 };
  const tree = async (number = 1) => {
    const nodes = (await getVersion(ref.slug, member.cookie, ref.trackId, number)).json!.nodes as Node[];
    return { nodes, byTitle: (title: string) => nodes.find((node) => node.title === title)! };
  };
  return { organization, owner, member, ref, tree };
}

describe("relative dues of a track's nodes", () => {
  it("are imported from the text's markers (taken out of the titles) and exported back as text and JSON", async () => {
    const { owner, ref, tree } = await importedTrack();
    const { nodes } = await tree();
    expect(nodes.map((node) => [node.title, node.due, node.optional])).toEqual([
      ["Basics", { unit: "week", count: 1 }, false],
      ["Laptop", { unit: "day", count: 1 }, false],
      ["Editor (optional)", { unit: "day", count: 2 }, true],
      ["Reading about due day 3", null, false],
      ["Web", null, false],
      ["HTTP", { unit: "week", count: 2 }, false],
    ]);

    const text = await exportText(ref.slug, owner.cookie, ref.trackId, 1);
    expect(text.status).toBe(200);
    // The stored tree keeps no layout: markers come back in the canonical spelling.
    expect(text.text).toContain("\nBasics (due week 1)\n");
    expect(text.text).toContain("\n- Laptop (due day 1)\n  - Editor (optional) (due day 2)\n");
    expect(text.text).toContain("\n- Reading about due day 3\n");
    expect(text.text).toContain("\n- HTTP (due week 2)\n");

    const json = await exportVersion(ref.slug, owner.cookie, ref.trackId, 1, "json");
    expect(json.status).toBe(200);
    expect((json.json!.nodes as Node[]).find((node) => node.title === "HTTP")!.due).toEqual({ unit: "week", count: 2 });
  });

  it("refuses an invalid marker on import with its line and column", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const created = await createTrack(organization.slug, members[0]!.cookie, { text: "=====\nBasics\n=====\n- Intro (due day 0)\n" });
    expect(created.status).toBe(422);
    expect(created.json!.error.details.parseErrors).toMatchObject([{ code: "invalid-due", line: 4, column: 9 }]);
    expect(await getDb().track.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("are set, changed and cleared by the editor, and a new draft, the diff and the export carry them", async () => {
    const { owner, ref, tree } = await importedTrack();
    const before = await tree();
    const web = before.byTitle("Web");

    const set = await updateNode(ref, owner.cookie, web.stableKey, { due: { unit: "day", count: 10 } });
    expect(set.status).toBe(200);
    expect(set.json!.nodes).toMatchObject([{ stableKey: web.stableKey, due: { unit: "day", count: 10 } }]);
    const cleared = await updateNode(ref, owner.cookie, before.byTitle("Laptop").stableKey, { due: null });
    expect(cleared.json!.nodes).toMatchObject([{ title: "Laptop", due: null }]);
    const added = await addNodes(ref, owner.cookie, { parentKey: web.stableKey, nodes: [{ kind: "ITEM", title: "REST", due: { unit: "week", count: 3 } }] });
    expect(added.status).toBe(201);
    expect(added.json!.nodes).toMatchObject([{ title: "REST", due: { unit: "week", count: 3 } }]);

    expect((await publishVersion(ref.slug, owner.cookie, ref.trackId, 1)).status).toBe(200);
    expect((await createDraft(ref.slug, owner.cookie, ref.trackId)).status).toBe(201);
    const copied = await tree(2);
    expect(copied.nodes.map((node) => [node.title, node.due])).toEqual((await tree(1)).nodes.map((node) => [node.title, node.due]));

    await updateNode({ ...ref, number: 2 }, owner.cookie, web.stableKey, { due: { unit: "week", count: 2 } });
    const text = await exportText(ref.slug, owner.cookie, ref.trackId, 2);
    expect(text.text).toContain("\nWeb (due week 2)\n");
    expect(text.text).toContain("\n- Laptop\n");
    expect(text.text).toContain("\n- REST (due week 3)\n");
  });

  it("refuses a bad due or a title that ends like a marker, and changes nothing", async () => {
    const { owner, ref, tree } = await importedTrack();
    const before = await tree();
    const key = before.byTitle("HTTP").stableKey;
    const cases: Array<[unknown, string]> = [
      [{ due: { unit: "day", count: 0 } }, "body.due.count"],
      [{ due: { unit: "day", count: -3 } }, "body.due.count"],
      [{ due: { unit: "day", count: 3651 } }, "body.due.count"],
      [{ due: { unit: "week", count: 521 } }, "body.due.count"],
      [{ due: { unit: "week", count: 1.5 } }, "body.due.count"],
      [{ due: { unit: "week", count: 1e308 } }, "body.due.count"],
      [{ due: { unit: "month", count: 1 } }, "body.due.unit"],
      [{ due: { unit: "day", count: 1, extra: true } }, "body.due.extra"],
      [{ due: "day 3" }, "body.due"],
      [{ title: "HTTP (due day 3)" }, "body.title"],
      [{ title: "HTTP (due day 0)" }, "body.title"],
    ];
    for (const [body, path] of cases) {
      const answer = await updateNode(ref, owner.cookie, key, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.json!.error.details.issues.map((issue: { path: string }) => issue.path), JSON.stringify(body)).toContain(path);
    }
    expect((await tree()).nodes).toEqual(before.nodes);
  });
});
