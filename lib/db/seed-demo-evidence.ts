/**
 * Evidence in the demo organization, so the mentor's review queue has work in it:
 * Noah waits on a pull request (over a day now), Lena on a note (a few hours),
 * and Sam's first attempt came back with changes requested. Each on an item the
 * hire already has in progress. Runs only when the organization has no evidence.
 */
import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import type { DemoHandle } from "./seed-demo";

const HOUR_MS = 60 * 60 * 1000;

const PLANS = [
  {
    hire: "noah.hire" as const,
    hoursAgo: 26,
    link: "https://github.com/acme/payments-api/pull/128",
    note: "Added the **retry with backoff** around the ledger client, with tests for the timeout path.",
    changesRequested: null,
  },
  { hire: "lena.hire" as const, hoursAgo: 3, link: null, note: "Read the chapter and wrote up the differences between `asyncio.gather` and task groups.", changesRequested: null },
  {
    hire: "sam.hire" as const,
    hoursAgo: 50,
    link: "https://github.com/acme/search-service/pull/77",
    note: "First pass at the caching layer.",
    changesRequested: "Nice start. Please add an expiry to the cache keys and a test that shows a stale entry is refreshed.",
  },
];

export async function seedDemoEvidence(tx: DbClient, organizationId: string, mentorId: string, emailOf: (handle: DemoHandle) => string): Promise<void> {
  if ((await tx.evidenceAttempt.count({ where: { organizationId } })) > 0) return;
  for (const plan of PLANS) {
    const assignment = await tx.assignment.findFirst({ where: { organizationId, assignee: { email: emailOf(plan.hire) } }, select: { id: true, assigneeId: true } });
    const item = assignment && (await tx.itemProgress.findFirst({ where: { assignmentId: assignment.id, state: "IN_PROGRESS" }, orderBy: { stableKey: "asc" }, select: { stableKey: true } }));
    if (!assignment || !item) continue;
    const submittedAt = new Date(Date.now() - plan.hoursAgo * HOUR_MS);
    const reviewed = plan.changesRequested !== null;
    const attempt = await tx.evidenceAttempt.create({
      data: {
        organizationId,
        assignmentId: assignment.id,
        stableKey: item.stableKey,
        number: 1,
        status: reviewed ? "CHANGES_REQUESTED" : "SUBMITTED",
        link: plan.link,
        note: plan.note,
        submittedById: assignment.assigneeId,
        submittedAt,
        ...(reviewed ? { reviewedById: mentorId, reviewedAt: new Date(submittedAt.getTime() + 20 * HOUR_MS), reviewComment: plan.changesRequested } : {}),
      },
      select: { id: true },
    });
    const payload = { assignmentId: assignment.id, key: item.stableKey, attemptId: attempt.id, number: 1 };
    await recordEvents(prismaRunner(tx), organizationId, [
      { type: "evidence.submitted", actorId: assignment.assigneeId, subjectType: "assignment", subjectId: assignment.id, payload: { ...payload, hasLink: plan.link !== null, hasNote: true } },
      ...(reviewed ? [{ type: "evidence.reviewed", actorId: mentorId, subjectType: "assignment", subjectId: assignment.id, payload: { ...payload, decision: "REQUEST_CHANGES", submittedById: assignment.assigneeId } }] : []),
    ]);
  }
}
