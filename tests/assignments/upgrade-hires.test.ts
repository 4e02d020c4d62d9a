/**
 * Upgrading many hires from the track page (issue 15): the list of hires on older
 * versions, the bulk upgrade (one transaction each, one result each), the hire's
 * notice of what changed, and hostile ids.
 */
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as upgradeRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/upgrades/route";
import { DELETE as dismissRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/upgrade-notice/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { addNodes, deleteNode, moveNode, updateNode } from "../tracks/edit-fixture";
import { createDraft, publishVersion } from "../tracks/tracks-fixture";
import { applyUpgrade, createAssignments, getAssignment, orgWithPublishedTrack, updateItem } from "./assignments-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues the "assigned" emails (lib/reminders).
useJobQueue();

const listCandidates = (slug: string, cookie: string, trackId: string) => callRoute(listRoute, { path: `/api/v1/o/${slug}/tracks/${trackId}/upgrades`, params: { orgSlug: slug, trackId }, cookie });
const upgradeHires = (slug: string, cookie: string, trackId: string, body: unknown) =>
  callRoute(upgradeRoute, { path: `/api/v1/o/${slug}/tracks/${trackId}/upgrades`, params: { orgSlug: slug, trackId }, cookie, body });
const dismissNotice = (slug: string, cookie: string, assignmentId: string) =>
  callRoute(dismissRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/upgrade-notice`, params: { orgSlug: slug, assignmentId }, cookie });

/** Three hires on v1 with progress on Types (to be renamed), Scope (moved) and Routing (removed); then v2 with Testing added. */
async function threeHiresAndV2() {
  const org = await orgWithPublishedTrack();
  const people = [org.hire, org.otherHire, org.otherMentor];
  const created = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: people.map((person) => person.userId), mentorIds: [org.mentor.userId] });
  expect(created.status).toBe(201);
  const idOf = new Map((created.json!.items as Array<{ id: string; assignee: { id: string } }>).map((item) => [item.assignee.id, item.id]));
  const hires = people.map((person) => ({ ...person, assignmentId: idOf.get(person.userId)! }));
  for (const hire of hires) {
    expect((await updateItem(org.slug, hire.cookie, hire.assignmentId, org.key("Types"), { state: "DONE" })).status).toBe(200);
    expect((await updateItem(org.slug, hire.cookie, hire.assignmentId, org.key("Scope"), { state: "IN_PROGRESS", note: "Closures next" })).status).toBe(200);
    expect((await updateItem(org.slug, hire.cookie, hire.assignmentId, org.key("Routing"), { state: "DONE" })).status).toBe(200);
  }
  expect((await createDraft(org.slug, org.owner.cookie, org.trackId)).status).toBe(201);
  const v2 = { slug: org.slug, trackId: org.trackId, number: 2 };
  await updateNode(v2, org.owner.cookie, org.key("Types"), { title: "Type hints" });
  await moveNode(v2, org.owner.cookie, org.key("Scope"), { parentKey: org.key("Loops") });
  await deleteNode(v2, org.owner.cookie, org.key("Routing"));
  await addNodes(v2, org.owner.cookie, { parentKey: org.key("Basics"), nodes: [{ kind: "ITEM", title: "Testing" }] });
  expect((await publishVersion(org.slug, org.owner.cookie, org.trackId, 2)).status).toBe(200);
  return { org, hires };
}

describe("upgrading hires from the track", () => {
  it("lists the hires on older versions with what changes for each, upgrades them all, and tells each hire", async () => {
    const { org, hires } = await threeHiresAndV2();
    const list = await listCandidates(org.slug, org.admin.cookie, org.trackId);
    expect(list.status).toBe(200);
    expect(list.json!.latest).toEqual({ number: 2 });
    expect(list.json!.assignments).toHaveLength(3);
    for (const entry of list.json!.assignments) {
      expect(entry).toMatchObject({
        from: { number: 1 },
        changes: { added: 1, removed: 1, renamed: 1, moved: 1 },
        progress: { kept: 2, archived: [{ stableKey: org.key("Routing"), title: "Routing", state: "DONE" }], restored: 0 },
      });
    }

    // Each assignment's detail says a newer version exists (the page asks for the preview only then).
    expect((await getAssignment(org.slug, hires[0]!.cookie, hires[0]!.assignmentId)).json!.newerVersion).toEqual({ number: 2 });

    const applied = await upgradeHires(org.slug, org.admin.cookie, org.trackId, { toVersionNumber: 2, assignmentIds: hires.map((hire) => hire.assignmentId) });
    expect(applied.status).toBe(200);
    expect(applied.json).toMatchObject({ upgraded: 3, failed: 0 });
    expect(applied.json!.results.map((result: { assignmentId: string; outcome: string }) => [result.assignmentId, result.outcome])).toEqual(hires.map((hire) => [hire.assignmentId, "upgraded"]));
    expect(applied.json!.results[0]).toMatchObject({ from: { number: 1 }, to: { number: 2 }, progress: { kept: 2, archived: 1, restored: 0 }, message: null });

    for (const hire of hires) {
      const detail = (await getAssignment(org.slug, hire.cookie, hire.assignmentId)).json!;
      expect(detail.assignment.version.number).toBe(2);
      expect(detail.newerVersion).toBeNull();
      const progress = Object.fromEntries(detail.progress.map((row: { stableKey: string }) => [row.stableKey, row]));
      expect(progress[org.key("Types")]).toMatchObject({ state: "DONE", archived: false });
      expect(progress[org.key("Scope")]).toMatchObject({ state: "IN_PROGRESS", note: "Closures next", archived: false });
      expect(progress[org.key("Routing")]).toMatchObject({ state: "DONE", archived: true });
      expect(detail.archivedItems).toEqual([{ stableKey: org.key("Routing"), title: "Routing" }]);
      expect(detail.upgradeNotice).toMatchObject({ fromNumber: 1, toNumber: 2, added: 1, removed: 1, renamed: 1, moved: 1, archived: [{ stableKey: org.key("Routing"), title: "Routing", state: "DONE" }] });
    }
    // The notice is the hire's own: the manager reading the assignment does not get it.
    expect((await getAssignment(org.slug, org.admin.cookie, hires[0]!.assignmentId)).json!.upgradeNotice).toBeNull();
    expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "assignment.upgraded" } })).toBe(3);
    // Nobody is left on an older version.
    expect((await listCandidates(org.slug, org.admin.cookie, org.trackId)).json!.assignments).toEqual([]);
  });

  it("lets the hire dismiss the notice, keeps the archived progress, and gives none when the hire upgraded themselves", async () => {
    const { org, hires } = await threeHiresAndV2();
    const [first, second] = hires as [(typeof hires)[number], (typeof hires)[number]];
    await upgradeHires(org.slug, org.owner.cookie, org.trackId, { toVersionNumber: 2, assignmentIds: [first.assignmentId] });
    expect((await dismissNotice(org.slug, org.mentor.cookie, first.assignmentId)).status).toBe(403);
    expect((await dismissNotice(org.slug, org.admin.cookie, first.assignmentId)).status).toBe(403);
    const dismissed = await dismissNotice(org.slug, first.cookie, first.assignmentId);
    expect(dismissed.status).toBe(200);
    expect(dismissed.json).toEqual({ upgradeNotice: null });
    expect((await dismissNotice(org.slug, first.cookie, first.assignmentId)).status).toBe(200);
    const detail = (await getAssignment(org.slug, first.cookie, first.assignmentId)).json!;
    expect(detail.upgradeNotice).toBeNull();
    expect(detail.progress.find((row: { stableKey: string }) => row.stableKey === org.key("Routing"))).toMatchObject({ state: "DONE", archived: true });

    expect((await applyUpgrade(org.slug, second.cookie, second.assignmentId, 2)).status).toBe(200);
    expect((await getAssignment(org.slug, second.cookie, second.assignmentId)).json!.upgradeNotice).toBeNull();
  });

  it("reports each hire on its own: already upgraded and archived ones are conflicts, the rest still upgrade", async () => {
    const { org, hires } = await threeHiresAndV2();
    const [first, second, third] = hires as [(typeof hires)[number], (typeof hires)[number], (typeof hires)[number]];
    expect((await applyUpgrade(org.slug, first.cookie, first.assignmentId, 2)).status).toBe(200);
    await getDb().assignment.update({ where: { id: third.assignmentId }, data: { status: "ARCHIVED", archivedAt: new Date() } });
    const applied = await upgradeHires(org.slug, org.admin.cookie, org.trackId, { toVersionNumber: 2, assignmentIds: [first.assignmentId, second.assignmentId, third.assignmentId] });
    expect(applied.status).toBe(200);
    expect(applied.json).toMatchObject({ upgraded: 1, failed: 2 });
    expect(applied.json!.results.map((result: { outcome: string }) => result.outcome)).toEqual(["conflict", "upgraded", "conflict"]);
    expect(applied.json!.results[0].message).toMatch(/not newer/);
    const versionOf = async (id: string) => (await getDb().assignment.findUniqueOrThrow({ where: { id }, select: { version: { select: { number: true } } } })).version.number;
    expect([await versionOf(first.assignmentId), await versionOf(second.assignmentId), await versionOf(third.assignmentId)]).toEqual([2, 2, 1]);
  });

  it("is for owners and admins of the track's organization only", async () => {
    const { org, hires } = await threeHiresAndV2();
    const outsider = await orgWithPublishedTrack();
    const body = { toVersionNumber: 2, assignmentIds: [hires[0]!.assignmentId] };
    for (const cookie of [org.mentor.cookie, org.hire.cookie]) {
      expect((await listCandidates(org.slug, cookie, org.trackId)).status).toBe(403);
      expect((await upgradeHires(org.slug, cookie, org.trackId, body)).status).toBe(403);
    }
    // Another organization's track, through the caller's own slug or theirs: 404.
    expect((await listCandidates(outsider.slug, outsider.owner.cookie, org.trackId)).status).toBe(404);
    expect((await upgradeHires(outsider.slug, outsider.owner.cookie, org.trackId, body)).status).toBe(404);
    expect((await listCandidates(org.slug, outsider.owner.cookie, org.trackId)).status).toBe(404);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: hires[0]!.assignmentId }, select: { version: { select: { number: true } } } })).version.number).toBe(1);
  });

  it("reports another organization's assignment ids as not found, upgrades nothing of theirs and says nothing about them", async () => {
    const { org, hires } = await threeHiresAndV2();
    const victim = await threeHiresAndV2();
    const foreign = victim.hires[0]!.assignmentId;
    const missing = "cnoassignmentwiththisid0";
    // The attacker names the victim's assignment under their own track, and the victim's track under their own slug.
    const applied = await upgradeHires(org.slug, org.owner.cookie, org.trackId, { toVersionNumber: 2, assignmentIds: [foreign, hires[0]!.assignmentId, missing] });
    expect(applied.status).toBe(200);
    expect(applied.json!.results.map((result: { outcome: string }) => result.outcome)).toEqual(["not_found", "upgraded", "not_found"]);
    // The foreign id's answer is word for word the one for an id that exists nowhere.
    const { assignmentId: _foreignId, ...foreignAnswer } = applied.json!.results[0];
    const { assignmentId: _missingId, ...missingAnswer } = applied.json!.results[2];
    expect(foreignAnswer).toEqual(missingAnswer);
    expect(foreignAnswer).toEqual({ outcome: "not_found", message: "No such assignment on this track.", assignee: null, from: null, to: null, progress: null });
    expect((await upgradeHires(org.slug, org.owner.cookie, victim.org.trackId, { toVersionNumber: 2, assignmentIds: [foreign] })).status).toBe(404);
    const victimRow = await getDb().assignment.findUniqueOrThrow({ where: { id: foreign }, select: { upgradeNotice: true, version: { select: { number: true } } } });
    expect(victimRow).toEqual({ upgradeNotice: null, version: { number: 1 } });
    expect(await getDb().event.count({ where: { organizationId: victim.org.organization.id, type: "assignment.upgraded" } })).toBe(0);
  });

  it("refuses malformed lists with the validation envelope and changes nothing", async () => {
    const { org, hires } = await threeHiresAndV2();
    const id = hires[0]!.assignmentId;
    const cases: unknown[] = [
      { toVersionNumber: 2, assignmentIds: [] },
      { toVersionNumber: 2, assignmentIds: [id, id] },
      { toVersionNumber: 2, assignmentIds: Array.from({ length: 201 }, (_, index) => `c${String(index).padStart(24, "0")}`) },
      { toVersionNumber: 2, assignmentIds: ["not a cuid"] },
      { toVersionNumber: 2, assignmentIds: [`c${"\u0000".repeat(24)}`] },
      { toVersionNumber: 0, assignmentIds: [id] },
      { assignmentIds: [id] },
      { toVersionNumber: 2, assignmentIds: [id], extra: true },
    ];
    for (const body of cases) {
      const answer = await upgradeHires(org.slug, org.owner.cookie, org.trackId, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(answer.json!.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await upgradeHires(org.slug, org.owner.cookie, org.trackId, { toVersionNumber: 9, assignmentIds: [id] })).json!.results[0]).toMatchObject({ outcome: "not_found" });
    expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "assignment.upgraded" } })).toBe(0);
  });
});
