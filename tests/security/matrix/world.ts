/**
 * The authorization matrix's world, made through the real routes where the product
 * makes it (tracks, assignments, evidence, comments, demotion, suspension, removal):
 *
 * Organization A: an owner, an admin, `mentor` (mentors the hire's assignment),
 * `otherMentor` (a mentor of nothing here), `hire` (a member, the assignee), `member`
 * (another member), and three people who were mentors of the hire's assignment:
 * `demoted` (demoted to member), `suspended` and `removed`, each through the member
 * routes, so their links ended as the product ends them. A track whose versions 1–4
 * are published and 5 is an open draft; the hire's assignment on version 1 (so it can
 * be upgraded three times) with progress, an evidence attempt with a file waiting for
 * review, a thread comment by the hire and one by the mentor (notifications for both),
 * and a pending invitation.
 * Organization B: its owner, the `outsider`.
 */
import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { POST as commentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { createAssignments, updateItem } from "../../assignments/assignments-fixture";
import { submitEvidence } from "../../evidence/evidence-fixture";
import { invite, inviters } from "../../invitations/invitations-fixture";
import type { Person } from "../../members/members-fixture";
import { removeMember, updateMember } from "../../members/members-fixture";
import { callRoute } from "../../support/call-route";
import { addMember, createUser, sessionCookieFor } from "../../support/factories";
import { updateNode } from "../../tracks/edit-fixture";
import { createDraft, createTrack, getVersion, publishVersion } from "../../tracks/tracks-fixture";

/** Items enough for every approval a file makes: an approved item takes no more evidence. */
const DRILLS = 12;

export const MATRIX_TRACK_TEXT = [
  "# Matrix",
  "",
  "=====",
  "Basics",
  "=====",
  "- Variables",
  "  - Types",
  "  - Scope",
  "- Loops",
  "",
  "=====",
  "Web (optional)",
  "=====",
  "- HTTP",
  "- Routing",
  "",
  "=====",
  "Drills",
  "=====",
  ...Array.from({ length: DRILLS }, (_, index) => `- Drill ${index + 1}`),
  "",
].join("\n");

export const PEOPLE = ["owner", "admin", "mentor", "otherMentor", "hire", "member", "demoted", "suspended", "removed", "outsider"] as const;
export type PersonName = (typeof PEOPLE)[number];

export const PASSWORD = "granite lantern orchard 42";

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const a = await inviters("OWNER", "ADMIN", "MENTOR", "MENTOR", "MEMBER", "MEMBER", "MENTOR", "MENTOR", "MENTOR");
  const b = await inviters("OWNER");
  const [owner, admin, mentor, otherMentor, hire, member, demoted, suspended, removed] = a.members as [Person, Person, Person, Person, Person, Person, Person, Person, Person];
  const people: Record<PersonName, Person> = { owner, admin, mentor, otherMentor, hire, member, demoted, suspended, removed, outsider: b.members[0]! };
  const slug = a.organization.slug;

  // The track: version 1 published with an item that needs evidence, 2–4 published, 5 an open draft.
  const created = await createTrack(slug, owner.cookie, { text: MATRIX_TRACK_TEXT });
  expect(created.status).toBe(201);
  const trackId = created.json!.id as string;
  const nodes = (await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ stableKey: string; title: string }>;
  const keys = Object.fromEntries(nodes.map((node) => [node.title, node.stableKey])) as Record<string, string>;
  const key = (title: string) => keys[title] ?? expect.fail(`no node "${title}"`);
  expect((await updateNode({ slug, trackId, number: 1 }, owner.cookie, key("Loops"), { evidenceRequired: true })).status).toBe(200);
  expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
  for (const number of [2, 3, 4, 5]) {
    expect((await createDraft(slug, owner.cookie, trackId)).status).toBe(201);
    expect((await updateNode({ slug, trackId, number }, owner.cookie, key("Routing"), { title: `Routing v${number}` })).status).toBe(200);
    if (number < 5) expect((await publishVersion(slug, owner.cookie, trackId, number)).status).toBe(200);
  }

  // The hire's assignment, mentored by four people; three of them then lose their access the ways the product takes it.
  const assigned = await createAssignments(slug, admin.cookie, {
    trackId,
    versionNumber: 1,
    assigneeIds: [hire.userId],
    mentorIds: [mentor.userId, demoted.userId, suspended.userId, removed.userId],
  });
  expect(assigned.status).toBe(201);
  const assignmentId = assigned.json!.items[0].id as string;
  expect((await updateMember(slug, demoted.membershipId, owner.cookie, { role: "MEMBER" })).status).toBe(200);
  expect((await updateMember(slug, suspended.membershipId, owner.cookie, { status: "SUSPENDED" })).status).toBe(200);
  expect((await removeMember(slug, removed.membershipId, owner.cookie)).status).toBe(200);
  const mentors = await getDb().assignmentMentor.findMany({ where: { assignmentId }, select: { mentorId: true } });
  expect(mentors.map((row) => row.mentorId)).toEqual([mentor.userId]);

  // Progress, evidence with a file (waiting for review), a thread with a comment each, an invitation.
  expect((await updateItem(slug, hire.cookie, assignmentId, key("Types"), { state: "IN_PROGRESS", note: "Reading about types." })).status).toBe(200);
  const form = new FormData();
  form.set("note", "My loops, with the run log.");
  form.append("files", new File([new TextEncoder().encode("ok\n")], "run.log", { type: "text/plain" }));
  const attempt = await submitEvidence(slug, hire.cookie, assignmentId, key("Loops"), form);
  expect(attempt.status).toBe(201);
  const thread = (cookie: string, body: string) =>
    callRoute(commentRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key("Types")}/comments`, params: { orgSlug: slug, assignmentId, key: key("Types") }, cookie, body: { body } });
  const hireComment = await thread(hire.cookie, "Is `unknown` better than `any`?");
  expect(hireComment.status).toBe(201);
  expect((await thread(mentor.cookie, "Usually, yes.")).status).toBe(201);
  const invited = await invite(slug, owner.cookie, { emails: [`invited-${assignmentId}@example.test`], role: "MEMBER" });
  expect(invited.status).toBe(200);
  expect(invited.json!.invited).toHaveLength(1);

  // An outgoing webhook of A (never sent: no workers run in the matrix) with the rows its routes act on.
  const webhookOf = async () =>
    (
      await getDb().webhookEndpoint.create({
        data: { organizationId: a.organization.id, url: "https://hooks.example.com/matrix", displayUrl: "https://hooks.example.com/matrix", sealedSecret: sealSecret("whsec_matrix"), eventTypes: ["progress.updated"] },
      })
    ).id;
  const webhookId = await webhookOf();

  let drills = 0;
  let reviewDrill: string | undefined;
  let upgrades = 1;
  let targets = 0;
  return {
    organization: a.organization,
    slug,
    other: { organization: b.organization, slug: b.organization.slug },
    people,
    trackId,
    key,
    assignmentId,
    attemptId: attempt.json!.id as string,
    fileId: attempt.json!.files[0].id as string,
    commentId: hireComment.json!.id as string,
    invitationId: invited.json!.invited[0].id as string,
    webhookId,
    /** Another webhook of A (deleting one uses it up). */
    newWebhook: webhookOf,
    /** A delivery of `webhookId` that was sent (redelivering queues it again). */
    async deliveredWebhook(): Promise<string> {
      const endpoint = await getDb().webhookEndpoint.update({ where: { id: webhookId }, data: { nextPosition: { increment: 1 } } });
      const delivery = await getDb().webhookDelivery.create({
        data: { organizationId: a.organization.id, endpointId: webhookId, position: endpoint.nextPosition - 1n, eventType: "webhook.test", event: {}, status: "SUCCEEDED", attempts: 1, deliveredAt: new Date() },
      });
      return delivery.id;
    },
    /** The draft the editing endpoints change. */
    draft: { trackId, number: 5 },
    /** An item of the hire's assignment no attempt has used yet. */
    nextDrill(): string {
      drills += 1;
      if (drills > DRILLS) throw new Error("the world ran out of drills: add some to MATRIX_TRACK_TEXT");
      return key(`Drill ${drills}`);
    },
    /** The item every review asks changes on (changes requested leave it open for the next attempt). */
    reviewDrill(): string {
      reviewDrill ??= this.nextDrill();
      return reviewDrill;
    },
    /** The next published version the hire's assignment can be upgraded to (2, 3, 4). */
    nextUpgrade(): number {
      upgrades += 1;
      if (upgrades > 4) throw new Error("the world ran out of published versions to upgrade to");
      return upgrades;
    },
    /** A new active member of organization A (a target to change or remove, an assignee). */
    async newMember(role: "MEMBER" | "MENTOR" = "MEMBER") {
      targets += 1;
      const user = await createUser({ name: `Target ${targets}`, verified: true });
      const membership = await addMember(a.organization.id, user.id, role);
      return { userId: user.id, membershipId: membership.id, email: user.email };
    },
    /** A new session for someone whose sessions a call ended (sign out everywhere, a password change). */
    async signInAgain(name: PersonName) {
      const user = await getDb().user.findUniqueOrThrow({ where: { id: people[name].userId } });
      people[name].cookie = await sessionCookieFor(user);
    },
  };
}
