/**
 * Evidence in the demo organization, so the demo shows the loop the landing page
 * promises: about twenty items of the demo roadmap require evidence
 * (DEMO_EVIDENCE_ITEMS, marked when the track is seeded), every one a hire has done
 * carries an approved attempt, and some wait on the mentor or came back:
 * Noah waits on a pull request (over a day now) and has one sent back with changes
 * requested, Lena waits on a note (a few hours), and Sam's attempt came back with
 * changes requested. Those items are in progress (a submission starts an item).
 * Runs only when the organization has no evidence.
 */
import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import type { NewEvent } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import { MARKDOWN_RENDERER, renderForStorage } from "@/lib/markdown/stored-html";
import type { DemoHandle } from "./seed-demo";

const HOUR_MS = 60 * 60 * 1000;

/** Items of the built-in Python Backend Roadmap that require evidence in the demo: a pull request or notes make sense for each. */
export const DEMO_EVIDENCE_ITEMS: readonly string[] = [
  "sentinel pattern (object() / None + check)",
  "dependency injection pattern",
  "cancellation semantics",
  "reproducible installs",
  "code review basics",
  "retries (careful with POST)",
  "payments/order creation safety",
  "production server separation (never built-in dev server)",
  "composite indexes",
  "zero-downtime patterns (advanced)",
  "hidden queries in serialization",
  "per-resource access checks",
  "parameterized queries",
  "block internal IP ranges",
  "N+1 elimination",
  "safe retries",
  "request id correlation",
  "permission tests",
  "non-root user",
  "exponential backoff",
  "transactions boundary",
];

/** Attempts still open (waiting, or sent back), each on a named evidence-required item the hire has not done. */
const OPEN_ATTEMPTS = [
  {
    hire: "noah.hire" as const,
    item: "production server separation (never built-in dev server)",
    hoursAgo: 26,
    link: "https://github.com/acme/payments-api/pull/128",
    note: "Moved the service from the **built-in dev server** to gunicorn behind the proxy, with a health check the load balancer uses.",
    changesRequested: null,
  },
  {
    hire: "noah.hire" as const,
    item: "composite indexes",
    hoursAgo: 70,
    link: "https://github.com/acme/payments-api/pull/121",
    note: "Added an index on `(account_id, created_at)` for the statement query.",
    changesRequested: "Good idea. Please include the EXPLAIN before and after, and say why this column order.",
  },
  {
    hire: "lena.hire" as const,
    item: "retries (careful with POST)",
    hoursAgo: 3,
    link: null,
    note: "Wrote up when a retried POST is safe: idempotency keys, which of our endpoints take one, and what the client does on a timeout.",
    changesRequested: null,
  },
  {
    hire: "sam.hire" as const,
    item: "exponential backoff",
    hoursAgo: 50,
    link: "https://github.com/acme/search-service/pull/77",
    note: "First pass at retrying the index writes with exponential backoff.",
    changesRequested: "Nice start. Please add jitter and a cap on the delay, and a test that shows the retries stop.",
  },
];

interface AttemptPlan {
  hireId: string;
  assignmentId: string;
  stableKey: string;
  submittedAt: Date;
  link: string | null;
  note: string;
  review: { status: "APPROVED" | "CHANGES_REQUESTED"; comment: string | null } | null;
}

export async function seedDemoEvidence(tx: DbClient, organizationId: string, mentorId: string, emailOf: (handle: DemoHandle) => string): Promise<void> {
  if ((await tx.evidenceAttempt.count({ where: { organizationId } })) > 0) return;
  const plans: AttemptPlan[] = [];
  for (const hire of ["noah.hire", "lena.hire", "sam.hire"] as const) {
    const assignment = await tx.assignment.findFirst({
      where: { organizationId, assignee: { email: emailOf(hire) } },
      select: { id: true, assigneeId: true, versionId: true, startDate: true, skippedKeys: true },
    });
    if (!assignment) continue;
    const required = await tx.trackNode.findMany({
      where: { organizationId, versionId: assignment.versionId, kind: "ITEM", evidenceRequired: true },
      orderBy: { ordinal: "asc" },
      select: { stableKey: true, title: true },
    });
    const progress = await tx.itemProgress.findMany({ where: { organizationId, assignmentId: assignment.id, stableKey: { in: required.map((node) => node.stableKey) } }, select: { stableKey: true, state: true } });
    const stateOf = new Map(progress.map((row) => [row.stableKey, row.state]));
    const base = { hireId: assignment.assigneeId, assignmentId: assignment.id };

    // Each done item that requires evidence was approved: spread over the days since the start, oldest first.
    const done = required.filter((node) => stateOf.get(node.stableKey) === "DONE");
    const days = Math.max(1, (Date.now() - assignment.startDate.getTime()) / (24 * HOUR_MS) - 2);
    done.forEach((node, index) => {
      const pullRequest = index % 2 === 0;
      plans.push({
        ...base,
        stableKey: node.stableKey,
        submittedAt: new Date(Date.now() - (days * (done.length - index) * 24 * HOUR_MS) / (done.length + 1)),
        link: pullRequest ? `https://github.com/acme/payments-api/pull/${40 + index * 3}` : null,
        note: pullRequest ? `Applied “${node.title}” in our service; the pull request has the details.` : `My notes on “${node.title}”: what it is, where our code relies on it, and one pitfall I hit.`,
        review: { status: "APPROVED", comment: null },
      });
    });

    for (const open of OPEN_ATTEMPTS.filter((attempt) => attempt.hire === hire)) {
      const node = required.find((candidate) => candidate.title === open.item);
      const state = node && stateOf.get(node.stableKey);
      if (!node || state === "DONE" || state === "NOT_APPLICABLE" || assignment.skippedKeys.includes(node.stableKey)) continue;
      // A submission starts a not-started item (lib/evidence/submit-evidence.ts).
      if (state === undefined) {
        await tx.itemProgress.create({ data: { organizationId, assignmentId: assignment.id, stableKey: node.stableKey, state: "IN_PROGRESS", updatedById: assignment.assigneeId } });
      } else if (state === "NOT_STARTED") {
        await tx.itemProgress.updateMany({ where: { organizationId, assignmentId: assignment.id, stableKey: node.stableKey }, data: { state: "IN_PROGRESS" } });
      }
      plans.push({
        ...base,
        stableKey: node.stableKey,
        submittedAt: new Date(Date.now() - open.hoursAgo * HOUR_MS),
        link: open.link,
        note: open.note,
        review: open.changesRequested === null ? null : { status: "CHANGES_REQUESTED", comment: open.changesRequested },
      });
    }
  }

  // In the order they happened, so the event log reads as the demo's story.
  plans.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  for (const plan of plans) {
    const reviewedAt = plan.review && new Date(Math.min(Date.now() - HOUR_MS, plan.submittedAt.getTime() + 20 * HOUR_MS));
    const attempt = await tx.evidenceAttempt.create({
      data: {
        organizationId,
        assignmentId: plan.assignmentId,
        stableKey: plan.stableKey,
        number: 1,
        status: plan.review?.status ?? "SUBMITTED",
        link: plan.link,
        note: plan.note,
        submittedById: plan.hireId,
        submittedAt: plan.submittedAt,
        ...(plan.review ? { reviewedById: mentorId, reviewedAt, reviewComment: plan.review.comment } : {}),
        // Stored as the API stores them (decision 0020).
        noteHtml: renderForStorage(plan.note),
        reviewCommentHtml: renderForStorage(plan.review?.comment ?? null),
        htmlRenderer: MARKDOWN_RENDERER,
      },
      select: { id: true },
    });
    const payload = { assignmentId: plan.assignmentId, key: plan.stableKey, attemptId: attempt.id, number: 1 };
    const events: Array<Omit<NewEvent, "organizationId">> = [
      { type: "evidence.submitted", actorId: plan.hireId, subjectType: "assignment", subjectId: plan.assignmentId, payload: { ...payload, hasLink: plan.link !== null, hasNote: true } },
    ];
    if (plan.review) {
      const decision = plan.review.status === "APPROVED" ? "APPROVE" : "REQUEST_CHANGES";
      events.push({ type: "evidence.reviewed", actorId: mentorId, subjectType: "assignment", subjectId: plan.assignmentId, payload: { ...payload, decision, submittedById: plan.hireId } });
    }
    await recordEvents(prismaRunner(tx), organizationId, events);
  }
}
