/**
 * The assignment detail's `evidence` (each item's latest attempt status by stable key), which the
 * roadmap's badges and filters read: current after each submission and review, one statement
 * however many attempts, and never another assignment's or another organization's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { countQueries } from "../support/count-queries";
import { createAssignments, getAssignment, updateItem } from "../assignments/assignments-fixture";
import { assignedOrg, reviewEvidence, submitEvidence } from "./evidence-fixture";

// Submitting and reviewing enqueue emails in their transaction; nothing runs them here.
let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

describe("GET /assignments/{id}: each item's latest evidence status", () => {
  it("follows the latest attempt of each item: waiting, changes requested, waiting again, approved", async () => {
    const org = await assignedOrg();
    const evidenceOf = async (cookie = org.hire.cookie) => {
      const { status, json } = await getAssignment(org.slug, cookie, org.assignmentId);
      expect(status).toBe(200);
      return json!.evidence as Record<string, string>;
    };
    const loops = org.key("Loops");
    const types = org.key("Types");
    expect(await evidenceOf()).toEqual({});

    const first = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "My notes." });
    expect(first.status).toBe(201);
    // Evidence on an item that does not require it counts the same.
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, types, { note: "Optional notes." })).status).toBe(201);
    expect(await evidenceOf()).toEqual({ [loops]: "SUBMITTED", [types]: "SUBMITTED" });

    expect((await reviewEvidence(org.slug, org.mentor.cookie, first.json!.id, { decision: "REQUEST_CHANGES", comment: "Add an example." })).status).toBe(200);
    expect(await evidenceOf()).toMatchObject({ [loops]: "CHANGES_REQUESTED" });

    const second = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "With an example." });
    expect(await evidenceOf()).toMatchObject({ [loops]: "SUBMITTED" });
    expect((await reviewEvidence(org.slug, org.mentor.cookie, second.json!.id, { decision: "APPROVE" })).status).toBe(200);
    // The mentor and a manager read the same statuses as the hire.
    expect(await evidenceOf(org.mentor.cookie)).toEqual({ [loops]: "APPROVED", [types]: "SUBMITTED" });
    expect(await evidenceOf(org.admin.cookie)).toEqual({ [loops]: "APPROVED", [types]: "SUBMITTED" });
  });

  it("holds only this assignment's evidence: not another hire's on the same items, nor another organization's", async () => {
    const org = await assignedOrg();
    const other = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.mentor.userId] });
    expect(other.status).toBe(201);
    const otherId = other.json!.items[0].id as string;
    // The same version, so the same stable keys: only the assignment tells the attempts apart.
    expect((await submitEvidence(org.slug, org.otherHire.cookie, otherId, org.key("Loops"), { note: "Theirs." })).status).toBe(201);

    const elsewhere = await assignedOrg();
    expect((await submitEvidence(elsewhere.slug, elsewhere.hire.cookie, elsewhere.assignmentId, elsewhere.key("Loops"), { note: "Another organization's." })).status).toBe(201);

    expect((await getAssignment(org.slug, org.hire.cookie, org.assignmentId)).json!.evidence).toEqual({});
    expect((await getAssignment(org.slug, org.admin.cookie, otherId)).json!.evidence).toEqual({ [org.key("Loops")]: "SUBMITTED" });
    expect((await getAssignment(elsewhere.slug, elsewhere.hire.cookie, elsewhere.assignmentId)).json!.evidence).toEqual({ [elsewhere.key("Loops")]: "SUBMITTED" });
    // Another organization's assignment through this one's slug is a 404, as if it did not exist.
    const crossed = await getAssignment(org.slug, org.admin.cookie, elsewhere.assignmentId);
    expect(crossed.status).toBe(404);
    expect(crossed.json!.evidence).toBeUndefined();
  });

  it("is read in one statement, the same however many attempts there are", async () => {
    const org = await assignedOrg();
    const read = () => countQueries(() => getAssignment(org.slug, org.hire.cookie, org.assignmentId));
    const before = await read();
    for (const title of ["Types", "Scope", "HTTP", "Routing"]) {
      expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key(title), { state: "IN_PROGRESS" })).status).toBe(200);
      expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key(title), { note: `${title} notes.` })).status).toBe(201);
    }
    const after = await read();
    expect(Object.keys(after.result.json!.evidence)).toHaveLength(4);
    expect(after.statements.length).toBe(before.statements.length);
    expect(after.statements.filter((text) => text.includes('"EvidenceAttempt"'))).toHaveLength(1);
  });
});
