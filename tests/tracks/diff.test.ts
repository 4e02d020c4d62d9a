import { describe, expect, it } from "vitest";
import { GET as diffRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/diff/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { createDraft, createTrack, organizationWith, publishVersion } from "./tracks-fixture";

const TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "  - Types", "  - Scope", "- Loops", "- Functions", "", "=====", "Web", "=====", "- HTTP", "- Routing", ""].join("\n");

function getDiff(slug: string, cookie: string, trackId: string, number: string | number, from?: string | number) {
  return callRoute(diffRoute, {
    path: `/api/v1/o/${slug}/tracks/${trackId}/versions/${number}/diff${from === undefined ? "" : `?from=${from}`}`,
    params: { orgSlug: slug, trackId, number: String(number) },
    cookie,
  });
}

/** An organization with an owner and a member, and a small track published as version 1 with version 2 drafted from it. */
async function trackWithDraft() {
  const { organization, members } = await organizationWith("OWNER", "MEMBER");
  const [owner, member] = members as [(typeof members)[number], (typeof members)[number]];
  const slug = organization.slug;
  const trackId = (await createTrack(slug, owner.cookie, { text: TEXT })).json!.id as string;
  expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
  expect((await createDraft(slug, owner.cookie, trackId)).status).toBe(201);
  const draft = await getDb().trackVersion.findUniqueOrThrow({ where: { trackId_number: { trackId, number: 2 } } });
  return { organization, slug, owner, member, trackId, draftId: draft.id };
}

/** The tree a version should have, by title for existing nodes (their stable keys are kept) or new ones. */
type Shape = { title: string; rename?: string; kind?: "SECTION" | "ITEM"; estimatedMinutes?: number; children?: Shape[] };

/**
 * Rewrites a draft's nodes to `shape` the way an edit would: nodes not in it are
 * deleted, new titles added with fresh keys, and every node's parent, position,
 * depth and pre-order ordinal made consistent again.
 */
async function reshape(versionId: string, shape: Shape[]) {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const rows = await tx.trackNode.findMany({ where: { versionId } });
    const byTitle = new Map(rows.map((row) => [row.title, row]));
    // Parents off and ordinals out of the way first, so nothing cascades and no ordinal collides.
    await tx.$executeRaw`UPDATE "TrackNode" SET "parentId" = NULL, ordinal = -1 - ordinal WHERE "versionId" = ${versionId}`;
    const wanted = new Set<string>();
    const visit = (list: Shape[]): void => {
      for (const node of list) {
        wanted.add(node.title);
        visit(node.children ?? []);
      }
    };
    visit(shape);
    await tx.trackNode.deleteMany({ where: { versionId, title: { notIn: [...wanted] } } });
    let ordinal = 0;
    const place = async (list: Shape[], parentId: string | null, depth: number): Promise<void> => {
      for (const [position, node] of list.entries()) {
        const data = { parentId, position, depth, ordinal: ordinal++, title: node.rename ?? node.title, ...(node.estimatedMinutes !== undefined && { estimatedMinutes: node.estimatedMinutes }) };
        const existing = byTitle.get(node.title);
        const row = existing
          ? await tx.trackNode.update({ where: { id: existing.id }, data })
          : await tx.trackNode.create({ data: { ...data, versionId, organizationId: rows[0]!.organizationId, kind: node.kind ?? "ITEM", stableKey: `new-${node.title}` } });
        await place(node.children ?? [], row.id, depth + 1);
      }
    };
    await place(shape, null, 0);
    await tx.trackVersion.update({ where: { id: versionId }, data: { updatedAt: new Date() } });
  });
}

describe("GET …/versions/{number}/diff", () => {
  it("shows a member what changed from the version before: added, removed, renamed, moved and changed nodes", async () => {
    const { slug, member, trackId, draftId } = await trackWithDraft();
    const v1 = await getDb().trackNode.findMany({ where: { version: { trackId, number: 1 } } });
    const keyOf = (title: string) => v1.find((node) => node.title === title)!.stableKey;
    await reshape(draftId, [
      // "Variables" and its two items go; "Loops" moves to Web; "Functions" is renamed.
      { title: "Basics", kind: "SECTION", children: [{ title: "Functions", rename: "Functions and closures" }] },
      {
        title: "Web",
        kind: "SECTION",
        children: [{ title: "HTTP", estimatedMinutes: 45 }, { title: "Loops" }, { title: "Async", children: [{ title: "Event loop" }] }, { title: "Routing" }],
      },
    ]);

    const { status, json } = await getDiff(slug, member.cookie, trackId, 2);
    expect(status).toBe(200);
    expect(json!.track).toEqual({ id: trackId, title: "Starter" });
    expect(json!.from).toMatchObject({ number: 1, status: "PUBLISHED", counts: { sections: 2, topics: 1, items: 6 } });
    expect(json!.to).toMatchObject({ number: 2, status: "DRAFT", counts: { sections: 2, topics: 1, items: 5 } });
    expect(json!.counts).toEqual({ added: 2, removed: 3, renamed: 1, moved: 1, changed: 1 });
    expect(json!.added).toEqual([{ stableKey: "new-Async", kind: "ITEM", title: "Async", path: ["Web"], descendants: 1 }]);
    expect(json!.removed).toEqual([{ stableKey: keyOf("Variables"), kind: "ITEM", title: "Variables", path: ["Basics"], descendants: 2 }]);
    expect(json!.renamed).toEqual([{ stableKey: keyOf("Functions"), kind: "ITEM", title: "Functions and closures", fromTitle: "Functions", toTitle: "Functions and closures", path: ["Basics"] }]);
    // "Routing" now sits after two new neighbours, but it did not move.
    expect(json!.moved).toEqual([{ stableKey: keyOf("Loops"), kind: "ITEM", title: "Loops", reason: "parent", fromPath: ["Basics"], toPath: ["Web"], fromPosition: 1, toPosition: 1 }]);
    expect(json!.changed).toEqual([{ stableKey: keyOf("HTTP"), kind: "ITEM", title: "HTTP", path: ["Web"], fields: ["estimatedMinutes"] }]);

    // `from` given explicitly is the same comparison; the other way round swaps additions and removals.
    expect((await getDiff(slug, member.cookie, trackId, 2, 1)).json).toEqual(json);
    const back = await getDiff(slug, member.cookie, trackId, 1, 2);
    expect(back.status).toBe(200);
    expect(back.json!.counts).toEqual({ added: 3, removed: 2, renamed: 1, moved: 1, changed: 1 });
    expect(back.json!.removed).toEqual([{ stableKey: "new-Async", kind: "ITEM", title: "Async", path: ["Web"], descendants: 1 }]);
    expect(back.json!.renamed[0]).toMatchObject({ fromTitle: "Functions and closures", toTitle: "Functions" });
  });

  it("finds no changes in a fresh draft, which copies the published version", async () => {
    const { slug, member, trackId } = await trackWithDraft();
    const { status, json } = await getDiff(slug, member.cookie, trackId, 2);
    expect(status).toBe(200);
    expect(json).toMatchObject({ counts: { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0 }, added: [], removed: [], renamed: [], moved: [], changed: [] });
    expect(json!.from.counts).toEqual(json!.to.counts);
  });

  it("defaults `from` to the highest version below, not to number - 1", async () => {
    const { slug, owner, trackId, draftId } = await trackWithDraft();
    await reshape(draftId, [{ title: "Basics", kind: "SECTION", children: [{ title: "Loops" }] }]);
    expect((await publishVersion(slug, owner.cookie, trackId, 2)).status).toBe(200);
    expect((await createDraft(slug, owner.cookie, trackId)).status).toBe(201);
    // Version 2 is gone (as if it never existed); version 3 then compares with version 1.
    await getDb().trackVersion.delete({ where: { trackId_number: { trackId, number: 2 } } });
    const { status, json } = await getDiff(slug, owner.cookie, trackId, 3);
    expect(status).toBe(200);
    expect(json!.from.number).toBe(1);
    expect(json!.counts.removed).toBe(7);
  });

  it("refuses a first version without `from` and a version compared with itself (422), and answers 404 for a version that does not exist", async () => {
    const { slug, member, trackId } = await trackWithDraft();
    const first = await getDiff(slug, member.cookie, trackId, 1);
    expect(first.status).toBe(422);
    expect(first.json!.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/first version/), details: { issues: [{ path: "query.from", message: expect.any(String) }] } });
    const same = await getDiff(slug, member.cookie, trackId, 2, 2);
    expect(same.status).toBe(422);
    expect(same.json!.error.details.issues[0].path).toBe("query.from");
    const notANumber = await getDiff(slug, member.cookie, trackId, 2, "latest");
    expect(notANumber.status).toBe(422);
    expect(notANumber.json!.error.details.issues[0].path).toBe("query.from");

    for (const [number, from] of [
      [2, 5],
      [7, 1],
      [7, undefined],
    ] as const) {
      const missing = await getDiff(slug, member.cookie, trackId, number, from);
      expect(missing.status, `${number} from ${from}`).toBe(404);
      expect(missing.json!.error.message).toBe("No such track version.");
    }
  });

  it("answers 404 for another organization's slug or track, and 401 without a session", async () => {
    const mine = await trackWithDraft();
    const theirs = await trackWithDraft();
    for (const { status, json } of [
      await getDiff(theirs.slug, mine.member.cookie, theirs.trackId, 2),
      await getDiff(mine.slug, mine.member.cookie, theirs.trackId, 2),
      await getDiff(mine.slug, mine.member.cookie, theirs.trackId, 2, 1),
    ]) {
      expect(status).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
    // My own track answers, so the 404s above are about the other organization.
    expect((await getDiff(mine.slug, mine.member.cookie, mine.trackId, 2)).status).toBe(200);
    expect((await getDiff(mine.slug, "", mine.trackId, 2)).status).toBe(401);
  });
});
