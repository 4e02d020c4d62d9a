/**
 * The setup checklist's facts (lib/orgs/setup-progress.ts) read from real rows, one state at a
 * time as a new owner makes them, beside an organization that has done everything: its rows
 * must never count for the new one.
 */
import { describe, expect, it } from "vitest";
import { GET as setupRoute } from "@/app/api/v1/o/[orgSlug]/setup/route";
import { getDb } from "@/lib/db/client";
import { readSetupFacts } from "@/lib/orgs/setup-progress";
import { setupChecklist } from "@/lib/orgs/setup-steps";
import { TRACK_TEXT, createAssignments, updateItem } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { callRoute } from "../support/call-route";
import { addMember, createUser, sessionCookieFor } from "../support/factories";
import { useJobQueue } from "../support/use-job-queue";
import { createTrack, getVersion, organizationWith, publishVersion } from "../tracks/tracks-fixture";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

async function progressOf(organizationId: string, slug: string) {
  const facts = await readSetupFacts(organizationId);
  return { facts, checklist: setupChecklist(slug, facts) };
}

const getSetup = (slug: string, cookie: string) => callRoute(setupRoute, { path: `/api/v1/o/${slug}/setup`, params: { orgSlug: slug }, cookie });

const doneIds = (checklist: ReturnType<typeof setupChecklist>) => checklist.steps.filter((step) => step.done).map((step) => step.id);

describe("setup progress", () => {
  it("follows a new owner from an empty organization to a hire's first marked item, and never counts another organization's rows", async () => {
    // Another organization with everything: tracks, a published version, people, an assignment, progress.
    const other = await assignedOrg();
    await updateItem(other.slug, other.hire.cookie, other.assignmentId, other.key("Scope"), { state: "DONE" });
    await getDb().invitation.create({ data: { organizationId: other.organization.id, email: "someone@example.test", role: "MEMBER", tokenHash: `other-${crypto.randomUUID()}`, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await progressOf(other.organization.id, other.slug)).checklist.complete).toBe(true);

    const { organization, members } = await organizationWith("OWNER");
    const owner = members[0]!;
    const slug = organization.slug;
    let state = await progressOf(organization.id, slug);
    expect(state.facts).toEqual({ anyTrackId: null, draftTrackId: null, publishedTrackId: null, invitedSomeone: false, assigned: false, progressShown: false });
    expect(state.checklist.doneCount).toBe(0);

    // 1. A track (a draft): the publish step points at it.
    const created = await createTrack(slug, owner.cookie, { text: TRACK_TEXT });
    expect(created.status).toBe(201);
    const trackId = created.json!.id as string;
    state = await progressOf(organization.id, slug);
    expect(doneIds(state.checklist)).toEqual(["track"]);
    expect(state.checklist.steps[1]).toMatchObject({ id: "publish", current: true, href: `/o/${slug}/tracks/${trackId}` });

    // 2. Published: the assign step preselects it.
    expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
    state = await progressOf(organization.id, slug);
    expect(doneIds(state.checklist)).toEqual(["track", "publish"]);
    expect(state.facts.draftTrackId).toBeNull();
    expect(state.checklist.steps[3]!.href).toBe(`/o/${slug}/assignments/new?track=${trackId}`);

    // 3. An invitation sent (nobody has joined yet) is the invite step done.
    await getDb().invitation.create({ data: { organizationId: organization.id, email: "hire@example.test", role: "MEMBER", tokenHash: `mine-${crypto.randomUUID()}`, invitedById: owner.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    state = await progressOf(organization.id, slug);
    expect(doneIds(state.checklist)).toEqual(["track", "publish", "invite"]);

    // 4. Assigned to a hire who joined.
    const hireUser = await createUser({ name: "Hana Hire" });
    await addMember(organization.id, hireUser.id, "MEMBER");
    const hireCookie = await sessionCookieFor(hireUser);
    const assigned = await createAssignments(slug, owner.cookie, { trackId, assigneeIds: [hireUser.id], mentorIds: [owner.userId] });
    expect(assigned.status).toBe(201);
    const assignmentId = assigned.json!.items[0].id as string;
    state = await progressOf(organization.id, slug);
    expect(doneIds(state.checklist)).toEqual(["track", "publish", "invite", "assign"]);
    expect(state.checklist.steps[4]).toMatchObject({ id: "dashboard", current: true });

    // A note alone marks nothing: the dashboard has no progress to show yet.
    const nodes = (await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ stableKey: string; title: string }>;
    const scope = nodes.find((node) => node.title === "Scope")!.stableKey;
    expect((await updateItem(slug, hireCookie, assignmentId, scope, { note: "Reading about it" })).status).toBe(200);
    expect((await progressOf(organization.id, slug)).facts.progressShown).toBe(false);

    // 5. The hire marks an item: setup is complete.
    expect((await updateItem(slug, hireCookie, assignmentId, scope, { state: "IN_PROGRESS" })).status).toBe(200);
    state = await progressOf(organization.id, slug);
    expect(state.checklist).toMatchObject({ doneCount: 5, complete: true });
  });

  it("counts a member who joined without an invitation as people invited, but not an API token's service account", async () => {
    const { organization } = await organizationWith("OWNER");
    const service = await createUser({ name: "CI token" });
    await getDb().user.update({ where: { id: service.id }, data: { serviceAccount: true } });
    await addMember(organization.id, service.id, "MEMBER");
    expect((await readSetupFacts(organization.id)).invitedSomeone).toBe(false);
    const mentor = await createUser();
    await addMember(organization.id, mentor.id, "MENTOR");
    expect((await readSetupFacts(organization.id)).invitedSomeone).toBe(true);
  });

  it("leaves out archived tracks", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const created = await createTrack(organization.slug, members[0]!.cookie, { text: TRACK_TEXT });
    await getDb().track.update({ where: { id: created.json!.id as string }, data: { archivedAt: new Date() } });
    expect((await readSetupFacts(organization.id)).anyTrackId).toBeNull();
  });

  it("GET /setup: the checklist for owners and admins, 403 for mentors and hires, 404 for another organization", async () => {
    const org = await assignedOrg();
    const empty = await organizationWith("OWNER");
    const owner = empty.members[0]!;

    const fresh = await getSetup(empty.organization.slug, owner.cookie);
    expect(fresh.status).toBe(200);
    expect(fresh.json).toMatchObject({ doneCount: 0, total: 5, complete: false });
    expect((fresh.json!.steps as Array<{ id: string; current: boolean }>).map((step) => [step.id, step.current])).toEqual([
      ["track", true],
      ["publish", false],
      ["invite", false],
      ["assign", false],
      ["dashboard", false],
    ]);

    const assigned = await getSetup(org.slug, org.admin.cookie);
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ doneCount: 4, complete: false });
    expect((await getSetup(org.slug, org.mentor.cookie)).status).toBe(403);
    expect((await getSetup(org.slug, org.hire.cookie)).status).toBe(403);
    // Another organization's owner, on this one's slug: it does not exist for them.
    const outsider = await getSetup(org.slug, owner.cookie);
    expect(outsider.status).toBe(404);
    expect(outsider.json).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
