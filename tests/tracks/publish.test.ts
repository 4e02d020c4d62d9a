import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createDraft, createTrack, getVersion, organizationWith, publishVersion, trackRowCounts } from "./tracks-fixture";

interface NodeOut {
  id: string;
  parentId: string | null;
  stableKey: string;
  ordinal: number;
  position: number;
  depth: number;
  kind: string;
  title: string;
}

async function importedSeed() {
  const { organization, members } = await organizationWith("OWNER", "ADMIN", "MENTOR", "MEMBER");
  const [owner, admin, mentor, member] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number], (typeof members)[number]];
  const { json } = await createTrack(organization.slug, owner.cookie, { library: "python-backend-roadmap" });
  return { organization, slug: organization.slug, owner, admin, mentor, member, trackId: json!.id as string };
}

function eventsOf(organizationId: string, type: string) {
  return getDb().event.findMany({ where: { organizationId, type }, orderBy: { sequence: "asc" } });
}

/** The tree as the stable keys see it: each node's key, its parent's key, and where it sits. */
function shape(nodes: NodeOut[]) {
  const keyOf = new Map(nodes.map((node) => [node.id, node.stableKey]));
  return nodes.map((node) => ({
    stableKey: node.stableKey,
    parentKey: node.parentId === null ? null : keyOf.get(node.parentId),
    ordinal: node.ordinal,
    position: node.position,
    depth: node.depth,
    kind: node.kind,
    title: node.title,
  }));
}

describe("POST …/versions/{number}/publish", () => {
  it("publishes a draft with publishedAt and track.published, changes the ETag, leaves the nodes alone, and refuses a second publish", async () => {
    const { organization, slug, owner, member, trackId } = await importedSeed();
    const before = await getVersion(slug, member.cookie, trackId, 1);
    const etag = before.response.headers.get("etag")!;

    const published = await publishVersion(slug, owner.cookie, trackId, 1);
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ number: 1, status: "PUBLISHED", counts: { sections: 15, topics: 299, items: 404 } });
    expect(Date.parse(published.json!.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    const stored = await getDb().trackVersion.findUniqueOrThrow({ where: { trackId_number: { trackId, number: 1 } } });
    expect(stored.status).toBe("PUBLISHED");
    expect(stored.publishedAt?.toISOString()).toBe(published.json!.publishedAt);

    const events = await eventsOf(organization.id, "track.published");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.userId, subjectType: "track", subjectId: trackId, payload: { trackId, number: 1, topics: 299, items: 404 } });

    // The old tag no longer matches; the tree is the same nodes as before.
    const after = await getVersion(slug, member.cookie, trackId, 1, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.response.headers.get("etag")).not.toBe(etag);
    expect(after.json!.version).toMatchObject({ status: "PUBLISHED", publishedAt: published.json!.publishedAt });
    expect(after.json!.nodes).toEqual(before.json!.nodes);

    const again = await publishVersion(slug, owner.cookie, trackId, 1);
    expect(again.status).toBe(409);
    expect(again.json!.error.code).toBe("CONFLICT");
    expect((await getDb().trackVersion.findUniqueOrThrow({ where: { id: stored.id } })).publishedAt).toEqual(stored.publishedAt);
    expect(await eventsOf(organization.id, "track.published")).toHaveLength(1);
  });

  it("refuses a version without items with 422 and leaves it a draft", async () => {
    const { organization, slug, admin, trackId } = await importedSeed();
    const version = await getDb().trackVersion.findUniqueOrThrow({ where: { trackId_number: { trackId, number: 1 } } });
    // Sections only: the items go, the sections stay.
    await getDb().trackNode.deleteMany({ where: { versionId: version.id, kind: "ITEM" } });
    const { status, json } = await publishVersion(slug, admin.cookie, trackId, 1);
    expect(status).toBe(422);
    expect(json!.error.code).toBe("VALIDATION_FAILED");
    expect(json!.error.message).toMatch(/no items/);
    expect(await getDb().trackVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "DRAFT", publishedAt: null, updatedAt: version.updatedAt });
    expect(await eventsOf(organization.id, "track.published")).toEqual([]);
  });

  it("lets an admin publish, answers 404 for a version that does not exist", async () => {
    const { slug, admin, trackId } = await importedSeed();
    expect((await publishVersion(slug, admin.cookie, trackId, 2)).status).toBe(404);
    expect((await publishVersion(slug, admin.cookie, trackId, 1)).json).toMatchObject({ status: "PUBLISHED" });
  });
});

describe("POST …/tracks/{trackId}/drafts", () => {
  it("starts version 2 as a draft with the same stable keys and tree as version 1 under new ids, once", async () => {
    const { organization, slug, owner, admin, member, trackId } = await importedSeed();

    // The imported version 1 is itself the open draft.
    const early = await createDraft(slug, owner.cookie, trackId);
    expect(early.status).toBe(409);
    expect(early.json!.error.details).toEqual({ draftNumber: 1 });

    expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
    const created = await createDraft(slug, admin.cookie, trackId);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ number: 2, status: "DRAFT", publishedAt: null, counts: { sections: 15, topics: 299, items: 404 } });

    const v1 = (await getVersion(slug, member.cookie, trackId, 1)).json!.nodes as NodeOut[];
    const v2 = (await getVersion(slug, member.cookie, trackId, 2)).json!.nodes as NodeOut[];
    expect(v2).toHaveLength(718);
    expect(new Set(v2.map((node) => node.stableKey))).toEqual(new Set(v1.map((node) => node.stableKey)));
    expect(shape(v2)).toEqual(shape(v1));
    const v1Ids = new Set(v1.map((node) => node.id));
    expect(v2.some((node) => v1Ids.has(node.id))).toBe(false);
    // Every parent is a node of version 2.
    const v2Ids = new Set(v2.map((node) => node.id));
    expect(v2.every((node) => node.parentId === null || v2Ids.has(node.parentId))).toBe(true);

    const events = await eventsOf(organization.id, "track.draft_created");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.userId, subjectId: trackId, payload: { trackId, number: 2, fromNumber: 1, topics: 299, items: 404 } });

    const second = await createDraft(slug, owner.cookie, trackId);
    expect(second.status).toBe(409);
    expect(second.json!.error).toMatchObject({ code: "CONFLICT", details: { draftNumber: 2 } });
    expect(await trackRowCounts(organization.id)).toMatchObject({ versions: 2, nodes: 1436 });

    // Publishing the draft lets the next one start from it, as version 3.
    expect((await publishVersion(slug, owner.cookie, trackId, 2)).status).toBe(200);
    const third = await createDraft(slug, owner.cookie, trackId);
    expect(third.json).toMatchObject({ number: 3, status: "DRAFT" });
    const v3 = (await getVersion(slug, member.cookie, trackId, 3)).json!.nodes as NodeOut[];
    expect(shape(v3)).toEqual(shape(v1));
  });

  it("refuses a track without a published version (409)", async () => {
    const { organization, slug, owner, trackId } = await importedSeed();
    // No draft and nothing published: a track whose only version is gone.
    await getDb().trackVersion.deleteMany({ where: { trackId } });
    const { status, json } = await createDraft(slug, owner.cookie, trackId);
    expect(status).toBe(409);
    expect(json!.error.message).toMatch(/no published version/);
    expect(await trackRowCounts(organization.id)).toMatchObject({ versions: 0, nodes: 0 });
  });

  it("copies the per-item fields of the published version", async () => {
    const { slug, owner, member, trackId } = await importedSeed();
    const v1 = await getDb().trackVersion.findUniqueOrThrow({ where: { trackId_number: { trackId, number: 1 } } });
    const item = await getDb().trackNode.findFirstOrThrow({ where: { versionId: v1.id, kind: "ITEM" }, orderBy: { ordinal: "asc" } });
    // Set directly: no edit endpoint exists yet.
    const resources = [{ title: "Docs", url: "https://docs.python.org/3/" }];
    await getDb().trackNode.update({ where: { id: item.id }, data: { description: "Read it", evidenceRequired: true, estimatedMinutes: 45, resources } });
    await publishVersion(slug, owner.cookie, trackId, 1);
    await createDraft(slug, owner.cookie, trackId);
    const v2 = (await getVersion(slug, member.cookie, trackId, 2)).json!.nodes as Array<NodeOut & Record<string, unknown>>;
    expect(v2.find((node) => node.stableKey === item.stableKey)).toMatchObject({ description: "Read it", evidenceRequired: true, estimatedMinutes: 45, resources });
  });
});

describe("who may publish and start drafts", () => {
  it.each(["MEMBER", "MENTOR"] as const)("refuses a %s both (403), writing nothing", async (role) => {
    const { organization, slug, owner, mentor, member, trackId } = await importedSeed();
    const cookie = role === "MEMBER" ? member.cookie : mentor.cookie;
    const publish = await publishVersion(slug, cookie, trackId, 1);
    expect(publish.status).toBe(403);
    expect(publish.json!.error.code).toBe("FORBIDDEN");
    expect((await getDb().trackVersion.findUniqueOrThrow({ where: { trackId_number: { trackId, number: 1 } } })).status).toBe("DRAFT");

    await publishVersion(slug, owner.cookie, trackId, 1);
    const counts = await trackRowCounts(organization.id);
    const draft = await createDraft(slug, cookie, trackId);
    expect(draft.status).toBe(403);
    expect(await trackRowCounts(organization.id)).toEqual(counts);
  });

  it("answers 404 for another organization's slug and another organization's track", async () => {
    const mine = await importedSeed();
    const theirs = await importedSeed();
    await publishVersion(theirs.slug, theirs.owner.cookie, theirs.trackId, 1);
    const before = await trackRowCounts(theirs.organization.id);
    const cookie = mine.owner.cookie;
    for (const { status, json } of [
      await publishVersion(theirs.slug, cookie, theirs.trackId, 1),
      await createDraft(theirs.slug, cookie, theirs.trackId),
      await publishVersion(mine.slug, cookie, theirs.trackId, 1),
      await createDraft(mine.slug, cookie, theirs.trackId),
      await createDraft(mine.slug, cookie, "not-a-cuid"),
    ]) {
      expect(status).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
    expect(await trackRowCounts(theirs.organization.id)).toEqual(before);
    // My own track answers, so the 404s above are about the other organization.
    expect((await publishVersion(mine.slug, cookie, mine.trackId, 1)).status).toBe(200);
  });
});
