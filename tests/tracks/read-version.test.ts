import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { flattenOutline, parseOutline, outlineStats } from "@/lib/outline";
import { createTrack, exportText, exportVersion, getVersion, organizationWith } from "./tracks-fixture";

async function importedSeed(role: "OWNER" | "MEMBER" = "MEMBER") {
  const { organization, members } = await organizationWith("OWNER", role);
  const { json } = await createTrack(organization.slug, members[0]!.cookie, { library: "python-backend-roadmap" });
  return { slug: organization.slug, owner: members[0]!, reader: members[1]!, trackId: json!.id as string };
}

describe("GET /api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}", () => {
  it("gives every member the whole tree in pre-order with an ETag, and 304 for a matching If-None-Match", async () => {
    const { slug, reader, trackId } = await importedSeed();
    const { status, json, response } = await getVersion(slug, reader.cookie, trackId, 1);
    expect(status).toBe(200);
    expect(json!.track).toEqual({ id: trackId, title: "🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)" });
    expect(json!.version).toMatchObject({ number: 1, status: "DRAFT", counts: { sections: 15, topics: 299, items: 404 } });
    expect(json!.nodes).toHaveLength(718);
    expect(json!.nodes.map((node: { ordinal: number }) => node.ordinal)).toEqual(json!.nodes.map((_: unknown, index: number) => index));
    expect(json!.nodes[1]).toMatchObject({ parentId: json!.nodes[0].id, depth: 1, position: 0, kind: "ITEM", resources: [], estimatedMinutes: null, stableKey: expect.any(String) });
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");

    const again = await getVersion(slug, reader.cookie, trackId, 1, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.json).toBeUndefined();
    expect(again.response.headers.get("etag")).toBe(etag);
    expect((await getVersion(slug, reader.cookie, trackId, 1, { "if-none-match": `"other", W/${etag}` })).status).toBe(304);

    // A change to the version gives it a new tag, so the old one no longer matches.
    await getDb().trackVersion.update({ where: { trackId_number: { trackId, number: 1 } }, data: { updatedAt: new Date(Date.now() + 1000) } });
    const changed = await getVersion(slug, reader.cookie, trackId, 1, { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
  });

  it("answers 404 for a version number that does not exist or is not a number", async () => {
    const { slug, reader, trackId } = await importedSeed();
    expect((await getVersion(slug, reader.cookie, trackId, 2)).status).toBe(404);
    expect((await getVersion(slug, reader.cookie, trackId, "first")).status).toBe(404);
    expect((await getVersion(slug, reader.cookie, trackId, 0)).status).toBe(404);
  });
});

describe("GET …/versions/{number}/export", () => {
  it("exports text that parses back to the same 15 sections, 299 topics and 404 items, titles and depths", async () => {
    const { slug, reader, trackId } = await importedSeed();
    const { status, headers, text } = await exportText(slug, reader.cookie, trackId, 1);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(headers.get("content-disposition")).toBe('attachment; filename="python-backend-roadmap-complete-master-tree-v1.txt"');
    expect(text.startsWith("# 🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)\n")).toBe(true);
    const reparsed = parseOutline(text);
    if (!reparsed.ok) throw new Error(reparsed.errors[0]!.message);
    expect(reparsed.repairs).toEqual([]);
    expect(outlineStats(reparsed.document)).toMatchObject({ sections: 15, topics: 299, items: 404, optionalItems: 3, maxDepth: 7 });

    // Node for node: the same kinds, titles and depths in the same order as stored.
    const { json } = await getVersion(slug, reader.cookie, trackId, 1);
    const stored = json!.nodes.map((node: { kind: string; title: string; depth: number }) => [node.kind, node.title, node.depth]);
    expect(flattenOutline(reparsed.document).map((row) => [row.kind.toUpperCase(), row.title, row.depth])).toEqual(stored);
  });

  it("exports JSON as the tree (the default format) and refuses an unknown format", async () => {
    const { slug, reader, trackId } = await importedSeed();
    const tree = await exportVersion(slug, reader.cookie, trackId, 1, "json");
    expect(tree.status).toBe(200);
    expect(tree.json!.nodes).toHaveLength(718);
    expect(tree.json!.version.counts).toEqual({ sections: 15, topics: 299, items: 404 });
    expect((await exportVersion(slug, reader.cookie, trackId, 1)).json!.nodes).toHaveLength(718);
    const bad = await exportVersion(slug, reader.cookie, trackId, 1, "xml");
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues[0].path).toBe("query.format");
  });
});
