import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addNodes, deleteNode, moveNode, updateNode } from "../tracks/edit-fixture";
import { createDraft, publishVersion } from "../tracks/tracks-fixture";
import { applyUpgrade, createAssignments, getAssignment, orgWithPublishedTrack, previewUpgrade, updateItem } from "./assignments-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

/** v1 as assigned, progress logged, then v2: Types renamed, Scope moved under Loops, HTTP deleted, Testing added. */
async function assignmentWithNewerVersion() {
  const org = await orgWithPublishedTrack();
  const { json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId], skippedKeys: [org.key("HTTP")] });
  const assignmentId = json!.items[0].id as string;
  await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Types"), { state: "DONE" });
  await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "IN_PROGRESS", note: "Closures next" });
  await updateItem(org.slug, org.hire.cookie, assignmentId, org.key("Routing"), { state: "DONE" });

  expect((await createDraft(org.slug, org.owner.cookie, org.trackId)).status).toBe(201);
  const v2 = { slug: org.slug, trackId: org.trackId, number: 2 };
  await updateNode(v2, org.owner.cookie, org.key("Types"), { title: "Type hints" });
  await moveNode(v2, org.owner.cookie, org.key("Scope"), { parentKey: org.key("Loops") });
  await deleteNode(v2, org.owner.cookie, org.key("Routing"));
  await addNodes(v2, org.owner.cookie, { parentKey: org.key("Basics"), nodes: [{ kind: "ITEM", title: "Testing" }] });
  expect((await publishVersion(org.slug, org.owner.cookie, org.trackId, 2)).status).toBe(200);
  return { org, assignmentId };
}

describe("upgrading an assignment to a newer version", () => {
  it("previews the diff and what happens to the progress, then keeps progress of renamed and moved items and archives the rest", async () => {
    const { org, assignmentId } = await assignmentWithNewerVersion();
    const preview = await previewUpgrade(org.slug, org.mentor.cookie, assignmentId);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      from: { number: 1 },
      to: { number: 2 },
      diff: { counts: { added: 1, removed: 1, renamed: 1, moved: 1 } },
      progress: { kept: 2, archived: [{ stableKey: org.key("Routing"), title: "Routing", state: "DONE", hasNote: false }], restored: [] },
      skippedDropped: [],
    });
    expect(preview.json!.diff.renamed[0]).toMatchObject({ stableKey: org.key("Types"), fromTitle: "Types", toTitle: "Type hints" });

    // The mentor may look but not apply; the hire applies.
    expect((await applyUpgrade(org.slug, org.mentor.cookie, assignmentId, 2)).status).toBe(403);
    const applied = await applyUpgrade(org.slug, org.hire.cookie, assignmentId, 2);
    expect(applied.status).toBe(200);
    // Counted leaves of v2: Type hints, Scope (now under Loops, so Loops is no leaf), Testing; HTTP skipped.
    expect(applied.json!.assignment.progress).toMatchObject({ total: 3, done: 1, inProgress: 1, skipped: 1 });

    const detail = (await getAssignment(org.slug, org.hire.cookie, assignmentId)).json!;
    expect(detail.assignment.version.number).toBe(2);
    const progress = Object.fromEntries(detail.progress.map((row: { stableKey: string }) => [row.stableKey, row]));
    expect(progress[org.key("Types")]).toMatchObject({ state: "DONE", archived: false });
    expect(progress[org.key("Scope")]).toMatchObject({ state: "IN_PROGRESS", note: "Closures next", archived: false });
    expect(progress[org.key("Routing")]).toMatchObject({ state: "DONE", archived: true });
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "assignment.upgraded" } });
    expect(events.map((event) => event.payload)).toEqual([{ assignmentId, fromNumber: 1, toNumber: 2, kept: 2, archived: 1, restored: 0 }]);

    // Nothing newer now.
    expect((await previewUpgrade(org.slug, org.hire.cookie, assignmentId)).status).toBe(409);
    expect((await applyUpgrade(org.slug, org.hire.cookie, assignmentId, 2)).status).toBe(409);
  });

  it("brings archived progress back when a later version restores the item", async () => {
    const { org, assignmentId } = await assignmentWithNewerVersion();
    await applyUpgrade(org.slug, org.hire.cookie, assignmentId, 2);
    // v3 restores Routing with its old key (what undoing a delete in the editor does).
    expect((await createDraft(org.slug, org.owner.cookie, org.trackId)).status).toBe(201);
    await addNodes({ slug: org.slug, trackId: org.trackId, number: 3 }, org.owner.cookie, { parentKey: org.key("Web (optional)"), nodes: [{ kind: "ITEM", title: "Routing", stableKey: org.key("Routing") }] });
    expect((await publishVersion(org.slug, org.owner.cookie, org.trackId, 3)).status).toBe(200);
    const preview = await previewUpgrade(org.slug, org.hire.cookie, assignmentId);
    expect(preview.json!.progress.restored).toMatchObject([{ stableKey: org.key("Routing"), state: "DONE" }]);
    expect((await applyUpgrade(org.slug, org.hire.cookie, assignmentId, 3)).json!.assignment.progress).toMatchObject({ done: 2 });
  });

  it("answers 404 to other organizations and other hires, and 404 for a version that does not exist", async () => {
    const { org, assignmentId } = await assignmentWithNewerVersion();
    const outsider = await orgWithPublishedTrack();
    expect((await previewUpgrade(outsider.slug, outsider.owner.cookie, assignmentId)).status).toBe(404);
    expect((await applyUpgrade(org.slug, outsider.owner.cookie, assignmentId, 2)).status).toBe(404);
    expect((await applyUpgrade(org.slug, org.otherHire.cookie, assignmentId, 2)).status).toBe(404);
    expect((await previewUpgrade(org.slug, org.hire.cookie, assignmentId, 9)).status).toBe(404);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { version: { select: { number: true } } } })).version.number).toBe(1);
  });
});
