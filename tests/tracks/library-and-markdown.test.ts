import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { LIBRARY_IDS } from "@/lib/tracks/library-ids";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/export/route";
import { randomClientIp } from "../support/call-route";
import { createTrack, exportVersion, getLibraryList, getVersion, organizationWith, previewImport, trackRowCounts } from "./tracks-fixture";

const CHECKLIST = [
  "# Onboarding checklist",
  "",
  "Welcome! This paragraph is not kept.",
  "",
  "## Day 1",
  "",
  "- [ ] Set up the [laptop](https://it.example.com/laptop)",
  "  Ask IT for the disk encryption key.",
  "  - [x] Install the [password manager](https://pm.example.com)",
  "- [ ] Read the handbook (optional)",
  "",
  "## Day 2",
  "",
  "* [ ] First pull request",
  "  Links: [Guide](https://docs.example.com/pr), <https://docs.example.com/review>",
  "",
].join("\n");

async function exportMarkdown(slug: string, cookie: string, trackId: string, number: number) {
  const request = new Request(`http://localhost:3000/api/v1/o/${slug}/tracks/${trackId}/versions/${number}/export?format=markdown`, { headers: { cookie, [CLIENT_IP_HEADER]: randomClientIp() } });
  const response = await exportRoute(request, { params: Promise.resolve({ orgSlug: slug, trackId, number: String(number) }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("the built-in library", () => {
  it("starts a track from each of the five library tracks, with the counts the library lists", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const cookie = members[0]!.cookie;
    const library = (await getLibraryList(organization.slug, cookie)).json!.items as Array<{ id: string; title: string; counts: { sections: number; topics: number; items: number } }>;
    expect(library.map((entry) => entry.id)).toEqual([...LIBRARY_IDS]);
    for (const entry of library) {
      const { status, json } = await createTrack(organization.slug, cookie, { library: entry.id });
      expect(status, entry.id).toBe(201);
      expect(json!.title).toBe(entry.id === "python-backend-roadmap" ? "🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)" : entry.title);
      expect(json!.latestVersion.counts).toEqual({ sections: entry.counts.sections, topics: entry.counts.topics, items: entry.counts.items });
      const version = await getVersion(organization.slug, cookie, json!.id, 1);
      expect(version.json!.nodes).toHaveLength(entry.counts.sections + entry.counts.topics + entry.counts.items);
    }
    expect((await trackRowCounts(organization.id)).tracks).toBe(5);
  });
});

describe("importing Markdown", () => {
  it("previews a Markdown checklist as Markdown, detected, with links counted and the left-out paragraph reported", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const before = await trackRowCounts(organization.id);
    const { status, json } = await previewImport(organization.slug, members[0]!.cookie, { text: CHECKLIST });
    expect(status).toBe(200);
    expect(json!).toMatchObject({ ok: true, format: "markdown", detected: true, title: "Onboarding checklist", stats: { sections: 2, topics: 1, items: 3, optional: 1, maxDepth: 1 } });
    expect(json!.tree.map((row: { title: string; links: number }) => [row.title, row.links])).toEqual([
      ["Day 1", 0],
      ["Set up the laptop", 1],
      ["Install the password manager", 1],
      ["Read the handbook (optional)", 0],
      ["Day 2", 0],
      ["First pull request", 2],
    ]);
    expect(json!.repairs).toMatchObject([{ line: 3, kind: "skipped" }]);
    expect(await trackRowCounts(organization.id)).toEqual(before);
  });

  it("reads the text as the format asked for, overriding detection", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const asText = await previewImport(organization.slug, members[0]!.cookie, { text: CHECKLIST, format: "text" });
    expect(asText.json!).toMatchObject({ ok: false, format: "text", detected: false });
    const asMarkdown = await previewImport(organization.slug, members[0]!.cookie, { text: "# T\n- a\n", format: "markdown" });
    expect(asMarkdown.json!).toMatchObject({ ok: true, format: "markdown", detected: false, stats: { items: 1 } });
    expect((await previewImport(organization.slug, members[0]!.cookie, { text: "- a", format: "html" })).status).toBe(422);
  });

  it("imports the checklist with each item's links and descriptions, records the format, and exports it back as Markdown", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const cookie = members[0]!.cookie;
    const created = await createTrack(organization.slug, cookie, { text: CHECKLIST });
    expect(created.status).toBe(201);
    expect(created.json!.title).toBe("Onboarding checklist");
    const trackId = created.json!.id as string;
    const { json } = await getVersion(organization.slug, cookie, trackId, 1);
    const items = json!.nodes.filter((node: { kind: string }) => node.kind === "ITEM");
    expect(items.map((node: { title: string; description: string | null; optional: boolean; resources: unknown[] }) => [node.title, node.description, node.optional, node.resources])).toEqual([
      ["Set up the laptop", "Ask IT for the disk encryption key.", false, [{ title: "laptop", url: "https://it.example.com/laptop" }]],
      ["Install the password manager", null, false, [{ title: "password manager", url: "https://pm.example.com" }]],
      ["Read the handbook (optional)", null, true, []],
      ["First pull request", null, false, [{ title: "Guide", url: "https://docs.example.com/pr" }, { url: "https://docs.example.com/review" }]],
    ]);
    const event = await getDb().event.findFirstOrThrow({ where: { organizationId: organization.id, type: "track.created" } });
    expect(event.payload).toMatchObject({ format: "markdown", sections: 2, topics: 1, items: 3 });

    const exported = await exportMarkdown(organization.slug, cookie, trackId, 1);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="onboarding-checklist-v1.md"');
    expect(exported.text).toContain("  Links: [laptop](https://it.example.com/laptop)");

    // The export imports again as the same tree.
    const again = await createTrack(organization.slug, cookie, { text: exported.text });
    const second = await getVersion(organization.slug, cookie, again.json!.id, 1);
    const shape = (nodes: Array<Record<string, unknown>>) => nodes.map(({ kind, depth, position, title, description, optional, resources }) => ({ kind, depth, position, title, description, optional, resources }));
    expect(shape(second.json!.nodes)).toEqual(shape(json!.nodes));
  });

  it("an import with errors writes nothing and lists them with lines", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const before = await trackRowCounts(organization.id);
    const { status, json } = await createTrack(organization.slug, members[0]!.cookie, { text: "- [ ] Before any section\n## Section\n- [ ]\n", format: "markdown" });
    expect(status).toBe(422);
    expect(json!.error.details.parseErrors.map((error: { line: number; code: string }) => [error.line, error.code])).toEqual([
      [1, "item-before-section"],
      [3, "empty-item"],
    ]);
    expect(await trackRowCounts(organization.id)).toEqual(before);
  });

  it("the Markdown export of another organization's track is a 404", async () => {
    const mine = await organizationWith("ADMIN");
    const theirs = await organizationWith("ADMIN");
    const theirTrack = (await createTrack(theirs.organization.slug, theirs.members[0]!.cookie, { text: CHECKLIST })).json!.id as string;
    expect((await exportVersion(mine.organization.slug, mine.members[0]!.cookie, theirTrack, 1, "markdown")).status).toBe(404);
    expect((await exportMarkdown(mine.organization.slug, mine.members[0]!.cookie, theirTrack, 1)).status).toBe(404);
  });
});
