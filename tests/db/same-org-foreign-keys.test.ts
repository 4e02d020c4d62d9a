/**
 * The database itself refuses a row whose parent belongs to another organization
 * (decision 0020): each child names its parent together with its own organizationId
 * (a composite foreign key to the parent's (organizationId, id)). The inserts are raw
 * SQL, as a buggy query or a hand-written statement would send them; each one is also
 * run against the organization's own parent, which succeeds, so the refusal is the
 * organization check and nothing else.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addMember, createUser } from "../support/factories";
import { invitationRow } from "../invitations/invitations-fixture";
import { queryRows, sql } from "@/lib/db/sql";
import type { Statement } from "@/lib/db/sql";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { assignedOrg, submitEvidence } from "../evidence/evidence-fixture";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { createTrack } from "../tracks/tracks-fixture";
import { TRACK_TEXT } from "../assignments/assignments-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const id = () => randomUUID();

/** An organization with a track, its published version, an assignment, an attempt, a comment, and a second track. */
async function tenant() {
  const org = await assignedOrg();
  const organizationId = org.organization.id;
  const loops = org.key("Loops");
  const submitted = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "done" });
  expect(submitted.status).toBe(201);
  const versionId = (await getDb().trackVersion.findFirstOrThrow({ where: { trackId: org.trackId }, select: { id: true } })).id;
  const nodeId = (await getDb().trackNode.findFirstOrThrow({ where: { versionId, stableKey: loops }, select: { id: true } })).id;
  const other = await createTrack(org.slug, org.owner.cookie, { text: TRACK_TEXT });
  const otherTrackId = other.json!.id as string;
  const otherVersionId = (await getDb().trackVersion.findFirstOrThrow({ where: { trackId: otherTrackId }, select: { id: true } })).id;
  const comment = await getDb().itemComment.create({ data: { organizationId, assignmentId: org.assignmentId, stableKey: loops, authorId: org.hire.userId, body: "hi" } });
  // A mentor of the organization who mentors nothing yet (for the link's key to the membership).
  const spareMentor = await createUser();
  await addMember(organizationId, spareMentor.id, "MENTOR");
  const invitation = await invitationRow(organizationId, `invitee-${id()}@example.test`);
  const endpoint = await getDb().webhookEndpoint.create({ data: { organizationId, url: "https://hooks.example.com/x", displayUrl: "https://hooks.example.com/x", eventTypes: ["progress.updated"] } });
  return {
    organizationId,
    trackId: org.trackId,
    versionId,
    nodeId,
    otherTrackId,
    otherVersionId,
    assignmentId: org.assignmentId,
    attemptId: submitted.json!.id as string,
    commentId: comment.id,
    hireId: org.hire.userId,
    mentorId: org.otherMentor.userId,
    spareMentorId: spareMentor.id,
    invitationId: invitation.row.id,
    endpointId: endpoint.id,
  };
}
type Tenant = Awaited<ReturnType<typeof tenant>>;

let mine: Tenant;
let theirs: Tenant;
beforeAll(async () => {
  [mine, theirs] = [await tenant(), await tenant()];
});

/**
 * Each child table with a parent: an INSERT of a row of `mine` naming `parent`'s row.
 * Run with parent = theirs it must break `constraint`; with parent = mine it must succeed.
 */
const relations: Array<{ child: string; constraint: string; refusedBy?: RegExp; insert: (own: Tenant, parent: Tenant) => Statement }> = [
  {
    child: "TrackVersion → Track",
    constraint: "TrackVersion_organizationId_trackId_fkey",
    insert: (own, parent) => sql`INSERT INTO "TrackVersion" (id, "organizationId", "trackId", number, "updatedAt")
      VALUES (${id()}, ${own.organizationId}, ${parent.trackId}, ${100 + Math.floor(Math.random() * 1e6)}, now())`,
  },
  {
    child: "TrackNode → TrackVersion",
    constraint: "TrackNode_organizationId_versionId_fkey",
    insert: (own, parent) => sql`INSERT INTO "TrackNode" (id, "organizationId", "versionId", position, depth, ordinal, kind, title, "stableKey")
      VALUES (${id()}, ${own.organizationId}, ${parent.versionId}, 0, 0, ${10_000 + Math.floor(Math.random() * 1e6)}, 'ITEM', 'Stray', ${id()})`,
  },
  {
    // The parent node is in the same version, hence (by the row above) the same organization.
    child: "TrackNode → parent TrackNode",
    constraint: "TrackNode_versionId_parentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "TrackNode" (id, "organizationId", "versionId", "parentId", position, depth, ordinal, kind, title, "stableKey")
      VALUES (${id()}, ${own.organizationId}, ${own.versionId}, ${parent.nodeId}, 0, 1, ${10_000 + Math.floor(Math.random() * 1e6)}, 'ITEM', 'Stray', ${id()})`,
  },
  {
    // Archived, so the one-active-assignment index does not get in the way of the control.
    child: "Assignment → Track",
    constraint: "Assignment_organizationId_trackId_fkey",
    // The version key names the track too, so either key may be the one that refuses it.
    refusedBy: /^Assignment_organizationId_trackId(_versionId)?_fkey$/,
    insert: (own, parent) => sql`INSERT INTO "Assignment" (id, "organizationId", "trackId", "versionId", "assigneeId", status, "startDate", "updatedAt")
      VALUES (${id()}, ${own.organizationId}, ${parent.trackId}, ${own.versionId}, ${own.hireId}, 'ARCHIVED', current_date, now())`,
  },
  {
    child: "Assignment → TrackVersion",
    constraint: "Assignment_organizationId_trackId_versionId_fkey",
    insert: (own, parent) => sql`INSERT INTO "Assignment" (id, "organizationId", "trackId", "versionId", "assigneeId", status, "startDate", "updatedAt")
      VALUES (${id()}, ${own.organizationId}, ${own.trackId}, ${parent.versionId}, ${own.hireId}, 'ARCHIVED', current_date, now())`,
  },
  {
    child: "DueDateExtension → Assignment",
    constraint: "DueDateExtension_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "DueDateExtension" (id, "organizationId", "assignmentId", "newDueDate", reason) VALUES (${id()}, ${own.organizationId}, ${parent.assignmentId}, current_date, 'Moved')`,
  },
  {
    child: "AssignmentMentor → Assignment",
    constraint: "AssignmentMentor_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "AssignmentMentor" ("organizationId", "assignmentId", "mentorId") VALUES (${own.organizationId}, ${parent.assignmentId}, ${own.mentorId})`,
  },
  {
    // A mentor is a member of the assignment's organization (decision 0018).
    child: "AssignmentMentor → Membership",
    constraint: "AssignmentMentor_organizationId_mentorId_fkey",
    insert: (own, parent) => sql`INSERT INTO "AssignmentMentor" ("organizationId", "assignmentId", "mentorId") VALUES (${own.organizationId}, ${own.assignmentId}, ${parent.spareMentorId})`,
  },
  {
    child: "AssignmentMentorHistory → Assignment",
    constraint: "AssignmentMentorHistory_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "AssignmentMentorHistory" (id, "organizationId", "assignmentId", "mentorId", "startedAt", reason)
      VALUES (${id()}, ${own.organizationId}, ${parent.assignmentId}, ${own.mentorId}, now(), 'unassigned')`,
  },
  {
    child: "ApiToken → Membership",
    constraint: "ApiToken_organizationId_userId_fkey",
    insert: (own, parent) => sql`INSERT INTO "ApiToken" (id, "organizationId", "userId", kind, name, prefix, "tokenHash", scopes)
      VALUES (${id()}, ${own.organizationId}, ${parent.spareMentorId}, 'PERSONAL', 'A token', 'cairn_pat_abcd', ${id()}, ARRAY['org.read'])`,
  },
  {
    child: "InvitationSend → Invitation",
    constraint: "InvitationSend_organizationId_invitationId_fkey",
    insert: (own, parent) => sql`INSERT INTO "InvitationSend" (id, "organizationId", "invitationId", "recipientHash") VALUES (${id()}, ${own.organizationId}, ${parent.invitationId}, ${id()})`,
  },
  {
    child: "ItemProgress → Assignment",
    constraint: "ItemProgress_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "updatedAt") VALUES (${own.organizationId}, ${parent.assignmentId}, ${id()}, now())`,
  },
  {
    child: "EvidenceAttempt → Assignment",
    constraint: "EvidenceAttempt_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "EvidenceAttempt" (id, "organizationId", "assignmentId", "stableKey", number, status, "submittedById", "updatedAt")
      VALUES (${id()}, ${own.organizationId}, ${parent.assignmentId}, ${id()}, 1, 'APPROVED', ${own.hireId}, now())`,
  },
  {
    child: "EvidenceCheck → EvidenceAttempt",
    constraint: "EvidenceCheck_organizationId_attemptId_fkey",
    insert: (own, parent) => sql`INSERT INTO "EvidenceCheck" ("attemptId", "organizationId") VALUES (${parent.attemptId}, ${own.organizationId})`,
  },
  {
    child: "EvidenceFile → EvidenceAttempt",
    constraint: "EvidenceFile_organizationId_attemptId_fkey",
    insert: (own, parent) => sql`INSERT INTO "EvidenceFile" (id, "organizationId", "attemptId", name, mime, size, "storageKey")
      VALUES (${id()}, ${own.organizationId}, ${parent.attemptId}, 'a.txt', 'text/plain', 1, ${`evidence/${id()}`})`,
  },
  {
    child: "ItemComment → Assignment",
    constraint: "ItemComment_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "ItemComment" (id, "organizationId", "assignmentId", "stableKey", "authorId", body)
      VALUES (${id()}, ${own.organizationId}, ${parent.assignmentId}, ${id()}, ${own.hireId}, 'hi')`,
  },
  {
    child: "Notification → Assignment",
    constraint: "Notification_organizationId_assignmentId_fkey",
    insert: (own, parent) => sql`INSERT INTO "Notification" (id, "organizationId", "userId", type, "assignmentId", "stableKey")
      VALUES (${id()}, ${own.organizationId}, ${own.hireId}, 'comment.created', ${parent.assignmentId}, ${id()})`,
  },
  {
    child: "WebhookDelivery → WebhookEndpoint",
    constraint: "WebhookDelivery_organizationId_endpointId_fkey",
    insert: (own, parent) => sql`INSERT INTO "WebhookDelivery" (id, "organizationId", "endpointId", position, "eventType", event)
      VALUES (${id()}, ${own.organizationId}, ${parent.endpointId}, ${1 + Math.floor(Math.random() * 1e9)}, 'webhook.test', '{}')`,
  },
];

describe("a child row whose parent is in another organization", () => {
  it.each(relations)("is refused by the database: $child", async ({ insert, constraint, refusedBy }) => {
    await expect(queryRows(insert(mine, theirs))).rejects.toMatchObject({ code: "23503", constraint: refusedBy ? expect.stringMatching(refusedBy) : constraint });
    await expect(queryRows(insert(mine, mine))).resolves.toEqual([]);
  });

  it("is refused through Prisma too (an EvidenceFile naming another organization's attempt)", async () => {
    const create = (attemptId: string) =>
      getDb().evidenceFile.create({ data: { organizationId: mine.organizationId, attemptId, name: "a.txt", mime: "text/plain", size: 1, storageKey: `evidence/${id()}` } });
    await expect(create(theirs.attemptId)).rejects.toMatchObject({ code: "P2003" });
    await expect(create(mine.attemptId)).resolves.toMatchObject({ attemptId: mine.attemptId });
  });

  it("cannot be made by moving a child, or pointing it, elsewhere afterwards", async () => {
    // The comment keeps its assignment but claims the other organization.
    await expect(queryRows(sql`UPDATE "ItemComment" SET "organizationId" = ${theirs.organizationId} WHERE id = ${mine.commentId}`)).rejects.toMatchObject({
      code: "23503",
      constraint: "ItemComment_organizationId_assignmentId_fkey",
    });
    // An assignment moved to another organization's version, or to a version of another of its organization's tracks.
    await expect(queryRows(sql`UPDATE "Assignment" SET "versionId" = ${theirs.versionId} WHERE id = ${mine.assignmentId}`)).rejects.toMatchObject({ code: "23503" });
    await expect(queryRows(sql`UPDATE "Assignment" SET "versionId" = ${mine.otherVersionId} WHERE id = ${mine.assignmentId}`)).rejects.toMatchObject({
      code: "23503",
      constraint: "Assignment_organizationId_trackId_versionId_fkey",
    });
    const row = await getDb().assignment.findUniqueOrThrow({ where: { id: mine.assignmentId }, select: { organizationId: true, versionId: true } });
    expect(row).toEqual({ organizationId: mine.organizationId, versionId: mine.versionId });
  });

  it("includes a notification about an assignment that does not exist (it had no foreign key at all)", async () => {
    await expect(
      queryRows(sql`INSERT INTO "Notification" (id, "organizationId", "userId", type, "assignmentId", "stableKey")
        VALUES (${id()}, ${mine.organizationId}, ${mine.hireId}, 'comment.created', ${id()}, 'k')`),
    ).rejects.toMatchObject({ code: "23503", constraint: "Notification_organizationId_assignmentId_fkey" });
  });

  it("is covered for every foreign key between two tenant tables (organizationId on both sides)", async () => {
    // Every foreign key from a table with organizationId to another such table (other than
    // Organization itself) must map the child's organizationId to the parent's. A new table
    // that forgets it fails here. The tree's parent link is the one exception: it stays
    // within one version, whose own key is already organization-checked.
    const keys = await queryRows<{ name: string; child: string; parent: string; pairs: string[] }>(sql`
      SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
        array_agg(ca.attname || '=' || pa.attname ORDER BY k.n) AS pairs
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(child_col, parent_col, n)
      JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.child_col
      JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.parent_col
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND c.confrelid <> '"Organization"'::regclass
        AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.conrelid AND attname = 'organizationId' AND NOT attisdropped)
        AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.confrelid AND attname = 'organizationId' AND NOT attisdropped)
      GROUP BY c.conname, c.conrelid, c.confrelid
      ORDER BY c.conname`);
    const unchecked = keys.filter((key) => !key.pairs.includes("organizationId=organizationId") && key.name !== "TrackNode_versionId_parentId_fkey");
    expect(unchecked).toEqual([]);
    // The relations tested above are all of them.
    expect(keys.map((key) => key.name).sort()).toEqual([...relations.map((relation) => relation.constraint)].sort());
  });
});
