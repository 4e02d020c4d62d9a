/**
 * The rule "who may see or act on this assignment" has a Prisma form
 * (visibleAssignments) and an SQL form (visibleAssignmentSql), side by side in
 * lib/assignments/access.ts. They must pick the same rows for every kind of
 * viewer; each set is also spelled out, so two forms agreeing on nothing would fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleAssignmentSql, visibleAssignments } from "@/lib/assignments/access";
import type { AssignmentViewer } from "@/lib/assignments/access";
import { getDb } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import type { Role } from "@/lib/generated/prisma/enums";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { memberAssignmentIds } from "@/lib/realtime/rooms";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { createAssignments, orgWithPublishedTrack, updateAssignment } from "./assignments-fixture";

// Assigning enqueues the hire's email in its transaction; nothing here runs the jobs.
let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

async function assign(org: Awaited<ReturnType<typeof orgWithPublishedTrack>>, assigneeId: string, mentorIds: string[]): Promise<string> {
  const created = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [assigneeId], mentorIds });
  expect(created.status).toBe(201);
  return created.json!.items[0].id as string;
}

const viewer = (organizationId: string, userId: string, role: Role): AssignmentViewer => ({ organization: { id: organizationId }, user: { id: userId }, membership: { role } });

describe("the assignment access rule", () => {
  it("picks the same assignments in its Prisma and SQL forms for owners, admins, mentors (current and former), hires and other organizations", async () => {
    const org = await orgWithPublishedTrack();
    const other = await orgWithPublishedTrack();
    const id = org.organization.id;

    const hires = await assign(org, org.hire.userId, [org.mentor.userId]);
    const otherHires = await assign(org, org.otherHire.userId, [org.otherMentor.userId]);
    const mentors = await assign(org, org.mentor.userId, [org.otherMentor.userId]);
    const elsewhere = await assign(other, other.hire.userId, [other.mentor.userId]);
    // otherMentor stops mentoring the other hire (the link moves to the history) but still mentors `mentors`.
    expect((await updateAssignment(org.slug, org.admin.cookie, otherHires, { mentorIds: [org.mentor.userId] })).status).toBe(200);
    // A link to a plain member, made behind the service's back, grants nothing (lib/assignments/mentoring.ts).
    await getDb().assignmentMentor.create({ data: { organizationId: id, assignmentId: hires, mentorId: org.otherHire.userId } });
    const all = [hires, otherHires, mentors, elsewhere];

    const cases: Array<[string, AssignmentViewer, string[]]> = [
      ["owner", viewer(id, org.owner.userId, "OWNER"), [hires, otherHires, mentors]],
      ["admin", viewer(id, org.admin.userId, "ADMIN"), [hires, otherHires, mentors]],
      ["mentor of the hire, holding an assignment", viewer(id, org.mentor.userId, "MENTOR"), [hires, otherHires, mentors]],
      ["former mentor of the other hire", viewer(id, org.otherMentor.userId, "MENTOR"), [mentors]],
      ["hire", viewer(id, org.hire.userId, "MEMBER"), [hires]],
      ["other hire, with a link that grants nothing", viewer(id, org.otherHire.userId, "MEMBER"), [otherHires]],
      ["the other organization's owner", viewer(other.organization.id, other.owner.userId, "OWNER"), [elsewhere]],
      ["the other organization's hire", viewer(other.organization.id, other.hire.userId, "MEMBER"), [elsewhere]],
      ["another organization's hire, asking here", viewer(id, other.hire.userId, "MEMBER"), []],
      ["an owner here, asking in another organization", viewer(other.organization.id, org.owner.userId, "OWNER"), [elsewhere]],
      ["a hire here, asking in another organization", viewer(other.organization.id, org.hire.userId, "MEMBER"), []],
    ];
    for (const [who, seer, expected] of cases) {
      const byPrisma = await getDb().assignment.findMany({ where: { AND: [{ id: { in: all } }, visibleAssignments(seer)] }, select: { id: true } });
      // Another alias than the usual `a`: the expression follows the one it is given.
      const bySql = await queryRows<{ id: string }>(sql`SELECT asg.id FROM "Assignment" asg WHERE asg.id = ANY(${all}::text[]) AND ${visibleAssignmentSql(seer, sql`asg`)}`);
      const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
      expect(ids(byPrisma), who).toEqual([...expected].sort());
      expect(ids(bySql), who).toEqual([...expected].sort());
      // The socket rooms and the replay read the SQL form (lib/realtime/rooms.ts).
      if (seer.organization.id === id && seer.membership.role !== "OWNER" && seer.membership.role !== "ADMIN") {
        expect((await memberAssignmentIds(seer)).filter((assignmentId) => all.includes(assignmentId)).sort(), who).toEqual([...expected].sort());
      }
    }
  });
});
