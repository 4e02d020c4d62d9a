import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { BROKEN, createTrack, organizationWith, trackRowCounts } from "./tracks-fixture";

describe("POST /api/v1/o/{orgSlug}/tracks", () => {
  it("imports the library seed as version 1 (a draft) with 718 nodes in pre-order, and records track.created", async () => {
    const { organization, members } = await organizationWith("ADMIN");
    const { status, json } = await createTrack(organization.slug, members[0]!.cookie, { library: "python-backend-roadmap" });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      title: "🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)",
      description: null,
      archivedAt: null,
      latestVersion: { number: 1, status: "DRAFT", publishedAt: null, counts: { sections: 15, topics: 299, items: 404 } },
    });

    const db = getDb();
    const versions = await db.trackVersion.findMany({ where: { trackId: json!.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ organizationId: organization.id, number: 1, status: "DRAFT", createdById: members[0]!.userId, sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const nodes = await db.trackNode.findMany({ where: { versionId: versions[0]!.id }, orderBy: { ordinal: "asc" } });
    expect(nodes).toHaveLength(718);
    expect(nodes.filter((node) => node.kind === "SECTION")).toHaveLength(15);
    expect(nodes.map((node) => node.ordinal)).toEqual(nodes.map((_, index) => index));
    expect(new Set(nodes.map((node) => node.stableKey)).size).toBe(718);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const seen = new Set<string>();
    const siblings = new Map<string | null, number[]>();
    for (const node of nodes) {
      expect(node.organizationId).toBe(organization.id);
      if (node.kind === "SECTION") {
        expect(node).toMatchObject({ parentId: null, depth: 0 });
      } else {
        // Pre-order: the parent was already read, and the child sits one level below it.
        const parent = byId.get(node.parentId!)!;
        expect(seen.has(parent.id)).toBe(true);
        expect(node.depth).toBe(parent.depth + 1);
      }
      siblings.set(node.parentId, [...(siblings.get(node.parentId) ?? []), node.position]);
      seen.add(node.id);
    }
    for (const positions of siblings.values()) expect(positions).toEqual(positions.map((_, index) => index));
    expect(nodes[0]).toMatchObject({ kind: "SECTION", title: "FOUNDATIONS (backend prerequisites)", resources: [], evidenceRequired: false, optional: false });
    expect(nodes[1]).toMatchObject({ kind: "ITEM", depth: 1, parentId: nodes[0]!.id, position: 0, title: "Python runtime mastery (backend-useful parts only)" });
    expect(nodes.filter((node) => node.optional)).toHaveLength(3);

    const events = await db.event.findMany({ where: { organizationId: organization.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "track.created",
      actorId: members[0]!.userId,
      subjectType: "track",
      subjectId: json!.id,
      payload: { title: json!.title, sections: 15, topics: 299, items: 404, library: "python-backend-roadmap" },
    });
  });

  it("imports pasted text with the title given, new stable keys each time", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const text = "# Small\n\n=====\nBasics\n=====\n- Variables\n  - Types (optional)\n- Loops\n";
    const first = await createTrack(organization.slug, members[0]!.cookie, { title: "  Starter  ", text });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ title: "Starter", latestVersion: { counts: { sections: 1, topics: 1, items: 2 } } });
    const second = await createTrack(organization.slug, members[0]!.cookie, { text });
    expect(second.json!.title).toBe("Small");

    const nodes = await getDb().trackNode.findMany({ where: { organizationId: organization.id }, orderBy: [{ versionId: "asc" }, { ordinal: "asc" }] });
    expect(nodes).toHaveLength(8);
    expect(new Set(nodes.map((node) => node.stableKey)).size).toBe(8);
    const types = nodes.filter((node) => node.title === "Types (optional)");
    expect(types.map((node) => [node.depth, node.optional])).toEqual([
      [2, true],
      [2, true],
    ]);
    expect((await trackRowCounts(organization.id)).events).toBe(2);
  });

  it("refuses text with errors with 422 listing each line and column, and writes nothing", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const { status, json } = await createTrack(organization.slug, members[0]!.cookie, { title: "Broken", text: BROKEN });
    expect(status).toBe(422);
    expect(json!.error.code).toBe("VALIDATION_FAILED");
    expect(json!.error.message).toBe("The roadmap text has 2 errors; nothing was imported.");
    expect(json!.error.details.parseErrors).toEqual([
      { line: 8, column: expect.any(Number), code: "indent-jump", message: expect.stringMatching(/^Line 8, /) },
      { line: 9, column: 1, code: "empty-item", message: expect.stringMatching(/^Line 9, column 1: /) },
    ]);
    expect(json!.error.details.issues).toEqual([
      { path: "body.text", message: expect.stringMatching(/^Line 8, /) },
      { path: "body.text", message: expect.stringMatching(/^Line 9, /) },
    ]);
    expect(await trackRowCounts(organization.id)).toEqual({ tracks: 0, versions: 0, nodes: 0, events: 0 });
  });

  it("refuses an unknown library id, both text and library, or neither", async () => {
    const { organization, members } = await organizationWith("OWNER");
    for (const body of [{ library: "nope" }, { text: "- a", library: "python-backend-roadmap" }, { title: "Only a title" }]) {
      const { status } = await createTrack(organization.slug, members[0]!.cookie, body);
      expect(status, JSON.stringify(body)).toBe(422);
    }
    expect(await trackRowCounts(organization.id)).toEqual({ tracks: 0, versions: 0, nodes: 0, events: 0 });
  });

  it("tidies titles only when asked (tidyTitles, off by default), with the same function as the preview; a given title is kept as typed", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const text = "# 🐍 PYTHON ROADMAP 🚀\n\n=====\n🧱 THE BASICS\n=====\n- LEARN HTTP AND SQL\n  - 🎉\n- Intro to Docker\n";
    const plain = await createTrack(organization.slug, members[0]!.cookie, { text });
    expect(plain.json!.title).toBe("🐍 PYTHON ROADMAP 🚀");
    const tidy = await createTrack(organization.slug, members[0]!.cookie, { text, tidyTitles: true });
    expect(tidy.status).toBe(201);
    expect(tidy.json!.title).toBe("Python Roadmap");
    const named = await createTrack(organization.slug, members[0]!.cookie, { title: "MY TRACK", text, tidyTitles: true });
    expect(named.json!.title).toBe("MY TRACK");

    const titlesOf = async (trackId: string) =>
      (await getDb().trackNode.findMany({ where: { version: { trackId } }, orderBy: { ordinal: "asc" }, select: { title: true } })).map((node) => node.title);
    expect(await titlesOf(plain.json!.id)).toEqual(["🧱 THE BASICS", "LEARN HTTP AND SQL", "🎉", "Intro to Docker"]);
    // An emoji-only title keeps its emoji rather than becoming empty; mixed case is the author's.
    expect(await titlesOf(tidy.json!.id)).toEqual(["The Basics", "Learn HTTP and SQL", "🎉", "Intro to Docker"]);

    const refused = await createTrack(organization.slug, members[0]!.cookie, { text, tidyTitles: "yes" });
    expect(refused.status).toBe(422);
    expect(refused.json!.error.code).toBe("VALIDATION_FAILED");
    expect((await trackRowCounts(organization.id)).tracks).toBe(3);
  });
});
