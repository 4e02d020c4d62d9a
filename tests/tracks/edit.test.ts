import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { StoredNode, VersionRef } from "./edit-fixture";
import { addNodes, deleteNode, expectConsistentTree, moveNode, restoreBody, updateNode, updateTrack } from "./edit-fixture";
import { createDraft, createTrack, exportText, exportVersion, getTrack, getVersion, organizationWith, publishVersion, trackRowCounts } from "./tracks-fixture";

/**
 * ===== Basics =====      ===== Web =====
 * - Variables             - HTTP
 *   - Types               - Routing
 *   - Scope
 * - Loops
 */
const TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "  - Types", "  - Scope", "- Loops", "", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");

async function draftTrack(text: string | null = TEXT) {
  const { organization, members } = await organizationWith("OWNER", "ADMIN", "MENTOR", "MEMBER");
  const [owner, admin, mentor, member] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number], (typeof members)[number]];
  const created = await createTrack(organization.slug, owner.cookie, text === null ? { library: "python-backend-roadmap" } : { text });
  expect(created.status).toBe(201);
  const ref: VersionRef = { slug: organization.slug, trackId: created.json!.id as string, number: 1 };
  return { organization, owner, admin, mentor, member, ref };
}

async function treeOf(ref: VersionRef, cookie: string) {
  const { json, response } = await getVersion(ref.slug, cookie, ref.trackId, ref.number);
  const nodes = json!.nodes as StoredNode[];
  return { nodes, etag: response.headers.get("etag")!, byTitle: (title: string) => nodes.find((node) => node.title === title)! };
}

/** Titles in pre-order, indented two spaces per level: the whole tree at a glance. */
const outline = (nodes: readonly StoredNode[]) => nodes.map((node) => `${"  ".repeat(node.depth)}${node.title}`);

const draftEdits = (organizationId: string) => getDb().event.findMany({ where: { organizationId, type: "track.draft_edited" }, orderBy: { sequence: "asc" } });

describe("editing a draft", () => {
  it("renames, adds, moves and deletes with the tree laid out again each time, a new ETag per edit and track.draft_edited", async () => {
    const { organization, admin, member, ref } = await draftTrack();
    const start = await treeOf(ref, member.cookie);

    const renamed = await updateNode(ref, admin.cookie, start.byTitle("Loops").stableKey, { title: "Loops and iteration" });
    expect(renamed.status).toBe(200);
    expect(renamed.json!.nodes).toMatchObject([{ stableKey: start.byTitle("Loops").stableKey, title: "Loops and iteration" }]);
    expect(renamed.json!.version.etag).not.toBe(start.etag);

    const added = await addNodes(ref, admin.cookie, { parentKey: start.byTitle("Variables").stableKey, position: 1, nodes: [{ kind: "ITEM", title: "Constants (optional)" }] });
    expect(added.status).toBe(201);
    expect(added.json!.nodes).toMatchObject([{ title: "Constants (optional)", optional: true, depth: 2, position: 1, ordinal: 3 }]);
    expect(added.json!.version.counts).toEqual({ sections: 2, topics: 1, items: 6 });

    // Variables (with its three children) moves to the end of Web.
    const moved = await moveNode(ref, admin.cookie, start.byTitle("Variables").stableKey, { parentKey: start.byTitle("Web").stableKey });
    expect(moved.status).toBe(200);
    expect(moved.json!.nodes.map((node: StoredNode) => node.title)).toEqual(["Variables", "Types", "Constants (optional)", "Scope"]);

    const deleted = await deleteNode(ref, admin.cookie, start.byTitle("HTTP").stableKey);
    expect(deleted.status).toBe(200);
    expect(deleted.json!.nodes).toMatchObject([{ title: "HTTP", stableKey: start.byTitle("HTTP").stableKey }]);

    const end = await treeOf(ref, member.cookie);
    expect(outline(end.nodes)).toEqual(["Basics", "  Loops and iteration", "Web", "  Routing", "  Variables", "    Types", "    Constants (optional)", "    Scope"]);
    expectConsistentTree(end.nodes);
    // The same keys name the same nodes through the rename and the move.
    expect(end.byTitle("Loops and iteration").stableKey).toBe(start.byTitle("Loops").stableKey);
    expect(end.byTitle("Scope").stableKey).toBe(start.byTitle("Scope").stableKey);
    expect(end.etag).toBe(deleted.json!.version.etag);

    const events = await draftEdits(organization.id);
    expect(events.map((event) => (event.payload as { operation: string }).operation)).toEqual(["update", "add", "move", "delete"]);
    expect(events[2]).toMatchObject({ actorId: admin.userId, subjectId: ref.trackId, payload: { trackId: ref.trackId, number: 1, key: start.byTitle("Variables").stableKey, nodes: 4 } });
  });

  it("sets and clears an item's description, links, minutes and flags", async () => {
    const { admin, ref } = await draftTrack();
    const key = (await treeOf(ref, admin.cookie)).byTitle("Types").stableKey;
    const set = await updateNode(ref, admin.cookie, key, {
      description: "  Read **PEP 484**.\r\nThen try mypy.  ",
      resources: [{ title: "PEP 484", url: "https://peps.python.org/pep-0484/" }, { url: "http://mypy-lang.org" }],
      estimatedMinutes: 90,
      evidenceRequired: true,
      optional: true,
    });
    expect(set.status).toBe(200);
    expect(set.json!.nodes[0]).toMatchObject({
      title: "Types",
      description: "Read **PEP 484**.\nThen try mypy.",
      resources: [{ title: "PEP 484", url: "https://peps.python.org/pep-0484/" }, { url: "http://mypy-lang.org" }],
      estimatedMinutes: 90,
      evidenceRequired: true,
      optional: true,
    });
    const cleared = await updateNode(ref, admin.cookie, key, { description: "", resources: [], estimatedMinutes: null, evidenceRequired: false });
    expect(cleared.json!.nodes[0]).toMatchObject({ description: null, resources: [], estimatedMinutes: null, evidenceRequired: false, optional: true });
  });

  it("restores a deleted subtree with its keys and fields from what the delete answered (undo)", async () => {
    const { admin, ref } = await draftTrack();
    const before = await treeOf(ref, admin.cookie);
    const variables = before.byTitle("Variables");
    await updateNode(ref, admin.cookie, before.byTitle("Scope").stableKey, { estimatedMinutes: 15, resources: [{ url: "https://docs.python.org/3/reference/executionmodel.html" }] });
    const edited = await treeOf(ref, admin.cookie);

    const deleted = await deleteNode(ref, admin.cookie, variables.stableKey);
    expect(deleted.json!.nodes.map((node: StoredNode) => node.title)).toEqual(["Variables", "Types", "Scope"]);
    expect(outline((await treeOf(ref, admin.cookie)).nodes)).toEqual(["Basics", "  Loops", "Web", "  HTTP", "  Routing"]);

    const basicsKey = before.byTitle("Basics").stableKey;
    const restored = await addNodes(ref, admin.cookie, restoreBody(deleted.json!.nodes as StoredNode[], basicsKey, variables.position));
    expect(restored.status).toBe(201);
    const after = await treeOf(ref, admin.cookie);
    // Everything but the row ids is back as it was.
    const withoutIds = (nodes: StoredNode[]) => nodes.map(({ id: _id, parentId: _parentId, ...rest }) => rest);
    expect(withoutIds(after.nodes)).toEqual(withoutIds(edited.nodes));
    expectConsistentTree(after.nodes);

    // A key already in the draft cannot be restored a second time.
    const again = await addNodes(ref, admin.cookie, restoreBody(deleted.json!.nodes as StoredNode[], basicsKey, 0));
    expect(again.status).toBe(409);
  });

  it("takes turns on one draft: concurrent additions all land, laid out consistently", async () => {
    const { admin, ref } = await draftTrack();
    const basicsKey = (await treeOf(ref, admin.cookie)).byTitle("Basics").stableKey;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => addNodes(ref, admin.cookie, { parentKey: basicsKey, position: 0, nodes: [{ kind: "ITEM", title: `Concurrent ${index}` }] })),
    );
    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const { nodes } = await treeOf(ref, admin.cookie);
    expect(nodes.filter((node) => node.title.startsWith("Concurrent"))).toHaveLength(6);
    expectConsistentTree(nodes);
  });
});

describe("what an edit refuses", () => {
  it("answers 422 for a shape the text format cannot hold, 404 for an unknown key, and changes nothing", async () => {
    const { organization, admin, ref } = await draftTrack();
    const tree = await treeOf(ref, admin.cookie);
    const rowsBefore = await trackRowCounts(organization.id);
    const key = (title: string) => tree.byTitle(title).stableKey;

    const refusals: Array<[Promise<{ status: number; json?: Record<string, any> }>, number, string | undefined]> = [
      [addNodes(ref, admin.cookie, { parentKey: null, nodes: [{ kind: "ITEM", title: "Loose item" }] }), 422, "MIXED_TOP_LEVEL"],
      [addNodes(ref, admin.cookie, { parentKey: key("Loops"), nodes: [{ kind: "SECTION", title: "Nested section" }] }), 422, "INVALID_PARENT"],
      [addNodes(ref, admin.cookie, { parentKey: key("Loops"), position: 5, nodes: [{ kind: "ITEM", title: "Far" }] }), 422, "BAD_POSITION"],
      [addNodes(ref, admin.cookie, { parentKey: "nosuchkey123", nodes: [{ kind: "ITEM", title: "Orphan" }] }), 422, "UNKNOWN_PARENT"],
      [moveNode(ref, admin.cookie, key("Variables"), { parentKey: key("Types") }), 422, "INTO_ITSELF"],
      [moveNode(ref, admin.cookie, key("Web"), { parentKey: key("Loops") }), 422, "INVALID_PARENT"],
      [moveNode(ref, admin.cookie, key("Loops"), { parentKey: null }), 422, "MIXED_TOP_LEVEL"],
      [moveNode(ref, admin.cookie, "nosuchkey123", { parentKey: null }), 404, undefined],
      [deleteNode(ref, admin.cookie, "nosuchkey123"), 404, undefined],
      [updateNode(ref, admin.cookie, "nosuchkey123", { title: "Ghost" }), 404, undefined],
    ];
    for (const [call, status, reason] of refusals) {
      const { status: actual, json } = await call;
      expect({ actual, reason: json!.error.details?.reason }).toEqual({ actual: status, reason });
    }
    expect(await trackRowCounts(organization.id)).toEqual(rowsBefore);
    expect((await treeOf(ref, admin.cookie)).etag).toBe(tree.etag);
  });

  it("validates every field with a message naming it", async () => {
    const { admin, ref } = await draftTrack();
    const key = (await treeOf(ref, admin.cookie)).byTitle("Types").stableKey;
    const cases: Array<[unknown, string]> = [
      [{ title: "   " }, "body.title"],
      [{ title: "Two\nlines" }, "body.title"],
      [{ title: "=====" }, "body.title"],
      [{ title: "x".repeat(301) }, "body.title"],
      [{ resources: [{ url: "javascript:alert(1)" }] }, "body.resources.0.url"],
      [{ resources: [{ url: "not a url" }] }, "body.resources.0.url"],
      [{ estimatedMinutes: 0 }, "body.estimatedMinutes"],
      [{ estimatedMinutes: 1.5 }, "body.estimatedMinutes"],
      [{ evidenceRequired: "yes" }, "body.evidenceRequired"],
      [{ stableKey: "abcdefgh12" }, "body"],
      [{}, "body"],
    ];
    for (const [body, path] of cases) {
      const { status, json } = await updateNode(ref, admin.cookie, key, body);
      expect({ body, status, paths: json!.error.details.issues.map((issue: { path: string }) => issue.path) }).toEqual({ body, status: 422, paths: expect.arrayContaining([path]) });
    }
    const badParent = await addNodes(ref, admin.cookie, { parentKey: key, nodes: [{ kind: "ITEM", title: "A" }, { kind: "ITEM", title: "B", parentIndex: 1 }] });
    expect(badParent.status).toBe(422);
    expect(badParent.json!.error.details.issues[0].path).toBe("body.nodes.1.parentIndex");
    expect((await treeOf(ref, admin.cookie)).byTitle("Types")).toMatchObject({ description: null, resources: [], estimatedMinutes: null });
  });

  it("refuses every edit of a published version with 409", async () => {
    const { organization, owner, ref } = await draftTrack();
    expect((await publishVersion(ref.slug, owner.cookie, ref.trackId, 1)).status).toBe(200);
    const tree = await treeOf(ref, owner.cookie);
    const rowsBefore = await trackRowCounts(organization.id);
    const key = tree.byTitle("Loops").stableKey;
    const results = await Promise.all([
      updateNode(ref, owner.cookie, key, { title: "Changed" }),
      addNodes(ref, owner.cookie, { parentKey: key, nodes: [{ kind: "ITEM", title: "New" }] }),
      moveNode(ref, owner.cookie, key, { parentKey: tree.byTitle("Web").stableKey }),
      deleteNode(ref, owner.cookie, key),
    ]);
    for (const result of results) {
      expect(result.status).toBe(409);
      expect(result.json!.error.message).toMatch(/published/);
    }
    expect(await trackRowCounts(organization.id)).toEqual(rowsBefore);
  });

  it("refuses an edit made against an older ETag with 412 and takes one made against the current one", async () => {
    const { admin, owner, ref } = await draftTrack();
    const tree = await treeOf(ref, admin.cookie);
    const key = tree.byTitle("Loops").stableKey;
    const first = await updateNode(ref, admin.cookie, key, { title: "Loops 1" }, tree.etag);
    expect(first.status).toBe(200);
    // The owner still holds the tag from before the admin's edit.
    const stale = await updateNode(ref, owner.cookie, key, { title: "Loops 2" }, tree.etag);
    expect(stale.status).toBe(412);
    expect(stale.json!.error.code).toBe("PRECONDITION_FAILED");
    const current = await updateNode(ref, owner.cookie, key, { title: "Loops 3" }, first.json!.version.etag);
    expect(current.status).toBe(200);
    expect((await treeOf(ref, admin.cookie)).byTitle("Loops 3").stableKey).toBe(key);
  });

  it("gives the draft a new ETag when its track is renamed: no 304 with the old title, and an edit against the old tag is 412", async () => {
    const { admin, ref } = await draftTrack();
    const before = await treeOf(ref, admin.cookie);
    expect((await updateTrack(ref.slug, admin.cookie, ref.trackId, { title: "Renamed starter" })).status).toBe(200);

    const revalidated = await getVersion(ref.slug, admin.cookie, ref.trackId, ref.number, { "if-none-match": before.etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.json!.track.title).toBe("Renamed starter");
    const etag = revalidated.response.headers.get("etag")!;
    expect(etag).not.toBe(before.etag);

    const key = before.byTitle("Loops").stableKey;
    expect((await updateNode(ref, admin.cookie, key, { title: "Loops 1" }, before.etag)).status).toBe(412);
    const current = await updateNode(ref, admin.cookie, key, { title: "Loops 2" }, etag);
    expect(current.status).toBe(200);
    expect((await getVersion(ref.slug, admin.cookie, ref.trackId, ref.number, { "if-none-match": current.json!.version.etag })).status).toBe(304);
  });
});

describe("who may edit", () => {
  it("lets only owners and admins edit (403 for mentors and members), and answers 404 to another organization", async () => {
    const { organization, mentor, member, ref } = await draftTrack();
    const other = await draftTrack();
    const tree = await treeOf(ref, member.cookie);
    const key = tree.byTitle("Loops").stableKey;
    const rowsBefore = await trackRowCounts(organization.id);
    const attempts = (cookie: string, target: VersionRef) => [
      updateTrack(target.slug, cookie, target.trackId, { title: "Taken over" }),
      updateNode(target, cookie, key, { title: "Taken over" }),
      addNodes(target, cookie, { parentKey: key, nodes: [{ kind: "ITEM", title: "Taken over" }] }),
      moveNode(target, cookie, key, { parentKey: tree.byTitle("Web").stableKey }),
      deleteNode(target, cookie, key),
    ];
    for (const cookie of [mentor.cookie, member.cookie]) {
      expect((await Promise.all(attempts(cookie, ref))).map((result) => result.status)).toEqual([403, 403, 403, 403, 403]);
    }
    // The other organization's owner, with this organization's slug or with their own slug and this track's id.
    expect((await Promise.all(attempts(other.owner.cookie, ref))).map((result) => result.status)).toEqual([404, 404, 404, 404, 404]);
    expect((await Promise.all(attempts(other.owner.cookie, { ...ref, slug: other.ref.slug }))).map((result) => result.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await trackRowCounts(organization.id)).toEqual(rowsBefore);
  });
});

describe("PATCH …/tracks/{trackId}", () => {
  it("renames a track and changes its description, recording track.updated", async () => {
    const { organization, admin, member, ref } = await draftTrack();
    const { status, json } = await updateTrack(ref.slug, admin.cookie, ref.trackId, { title: "  Backend basics ", description: "For the platform team." });
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: ref.trackId, title: "Backend basics", description: "For the platform team.", latestVersion: { number: 1 } });
    expect((await getTrack(ref.slug, member.cookie, ref.trackId)).json).toMatchObject({ title: "Backend basics" });
    const events = await getDb().event.findMany({ where: { organizationId: organization.id, type: "track.updated" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ trackId: ref.trackId, title: "Backend basics", description: "For the platform team." });
    expect((await updateTrack(ref.slug, admin.cookie, ref.trackId, { title: "" })).status).toBe(422);
    expect((await updateTrack(ref.slug, admin.cookie, ref.trackId, {})).status).toBe(422);
  });
});

describe("the text export of an edited version", () => {
  it("answers 422 naming the node when a description cannot be written as text, while JSON carries everything", async () => {
    const { admin, ref } = await draftTrack();
    const key = (await treeOf(ref, admin.cookie)).byTitle("Types").stableKey;
    await updateNode(ref, admin.cookie, key, { description: "One paragraph.\n\nAnother paragraph." });
    const text = await exportText(ref.slug, admin.cookie, ref.trackId, 1);
    expect(text.status).toBe(422);
    expect(JSON.parse(text.text).error.message).toMatch(/blank line in its description.*JSON/);
    const json = await exportVersion(ref.slug, admin.cookie, ref.trackId, 1, "json");
    expect(json.json!.nodes.find((node: StoredNode) => node.stableKey === key).description).toBe("One paragraph.\n\nAnother paragraph.");
  });
});

describe("the whole life of a track", () => {
  it("import → publish → new draft → edit → publish → new draft keeps keys, fields and a consistent tree", async () => {
    const { owner, admin, member, ref } = await draftTrack(null);
    expect((await publishVersion(ref.slug, owner.cookie, ref.trackId, 1)).status).toBe(200);
    expect((await createDraft(ref.slug, admin.cookie, ref.trackId)).status).toBe(201);
    const v2: VersionRef = { ...ref, number: 2 };
    const v1 = await treeOf(ref, member.cookie);
    const draft = await treeOf(v2, admin.cookie);

    const sections = draft.nodes.filter((node) => node.kind === "SECTION");
    const item = draft.nodes.find((node) => node.kind === "ITEM" && node.depth === 2)!;
    expect((await updateNode(v2, admin.cookie, item.stableKey, { title: `${item.title} (renamed)`, evidenceRequired: true, estimatedMinutes: 45 })).status).toBe(200);
    expect((await moveNode(v2, admin.cookie, item.stableKey, { parentKey: sections[14]!.stableKey, position: 0 })).status).toBe(200);
    const lastSection = sections[14]!;
    expect((await addNodes(v2, admin.cookie, { parentKey: lastSection.stableKey, nodes: [{ kind: "ITEM", title: "Write the rollback runbook", evidenceRequired: true }] })).status).toBe(201);
    const removedKey = draft.nodes.find((node) => node.kind === "ITEM" && node.parentId === sections[0]!.id)!.stableKey;
    const deleted = await deleteNode(v2, admin.cookie, removedKey);
    expect(deleted.status).toBe(200);

    // v1 is untouched by any of it.
    expect((await treeOf(ref, member.cookie)).nodes).toEqual(v1.nodes);

    expect((await publishVersion(ref.slug, owner.cookie, ref.trackId, 2)).status).toBe(200);
    expect((await createDraft(ref.slug, admin.cookie, ref.trackId)).status).toBe(201);
    const v2Published = await treeOf(v2, member.cookie);
    const v3 = await treeOf({ ...ref, number: 3 }, member.cookie);
    expectConsistentTree(v2Published.nodes);
    expectConsistentTree(v3.nodes);
    // The draft copies the published version: same keys, fields and places.
    const portable = (nodes: StoredNode[]) => nodes.map(({ id: _id, parentId: _parentId, ...rest }) => rest);
    expect(portable(v3.nodes)).toEqual(portable(v2Published.nodes));

    const movedItem = v3.nodes.find((node) => node.stableKey === item.stableKey)!;
    expect(movedItem).toMatchObject({ title: `${item.title} (renamed)`, evidenceRequired: true, estimatedMinutes: 45, parentId: v3.nodes.find((node) => node.stableKey === lastSection.stableKey)!.id, position: 0 });
    expect(v3.nodes.some((node) => node.stableKey === removedKey)).toBe(false);
    // Every key of v1 except the deleted subtree's is still there.
    const removedKeys = new Set((deleted.json!.nodes as StoredNode[]).map((node) => node.stableKey));
    const v3Keys = new Set(v3.nodes.map((node) => node.stableKey));
    expect(v1.nodes.filter((node) => !removedKeys.has(node.stableKey)).every((node) => v3Keys.has(node.stableKey))).toBe(true);
    expect(v3.nodes).toHaveLength(718 + 1 - removedKeys.size);
  });
});
