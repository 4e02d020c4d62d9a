/**
 * The jobs that email about evidence. Each claims what it sends by setting
 * Notification.emailedAt in the transaction that sends, so a job that runs
 * twice sends once: the second finds nothing left to claim, and a retry after a
 * failed commit resends under the same idempotency key, which the transports drop.
 * Mentors are emailed only about the assignments they mentor when the email goes
 * out (lib/assignments/mentoring.ts): a mentor demoted, suspended or removed since
 * the evidence arrived is told nothing.
 */
import { z } from "zod";
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { evidenceArrivedEmail, reviewDigestEmail, reviewDoneEmail } from "@/lib/email/templates/evidence-emails";
import { defineJob } from "@/lib/jobs/define-job";
import { REVIEW_TARGET_DAYS_MAX } from "@/lib/orgs/schema";
import { overdueCutoff } from "@/lib/time/working-days";

const TRANSACTION = { timeout: 30_000 };
const appUrl = (path: string) => new URL(path, getConfig().NEXTAUTH_URL).toString();
const nameOf = (person: { name: string | null; email: string } | null) => person?.name?.trim() || person?.email || "Someone";

interface ClaimedNotification {
  id: string;
  payload: { itemTitle?: string; number?: number; decision?: string; comment?: string | null };
  actorId: string | null;
  assignmentId: string;
  createdAt: Date;
}

export const evidenceArrivedEmailJob = defineJob({
  name: "evidence.arrived-email",
  // One waiting job per mentor and organization: what arrives meanwhile joins it (lib/notifications/notify.ts).
  policy: "short",
  payload: z.strictObject({ userId: z.string().min(1), organizationId: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ userId, organizationId }, { jobId, log }) {
    await getDb().$transaction(async (tx) => {
      // Everything waiting is claimed (so none of it is sent later), but only what they still mentor is told.
      const waiting = await prismaRunner(tx).rows<ClaimedNotification & { mentoring: boolean }>(sql`
        UPDATE "Notification" n SET "emailedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
        WHERE n."userId" = ${userId} AND n."organizationId" = ${organizationId} AND n.type = 'evidence.submitted' AND n."emailedAt" IS NULL
        RETURNING n.id, n.payload, n."actorId", n."assignmentId", n."createdAt",
          EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} m WHERE m."assignmentId" = n."assignmentId" AND m."mentorId" = n."userId") AS mentoring`);
      const claimed = waiting.filter((row) => row.mentoring);
      if (claimed.length < waiting.length) log.info({ userId, organizationId, dropped: waiting.length - claimed.length }, "evidence email: no longer their mentee");
      if (claimed.length === 0) return log.info({ userId, organizationId }, "evidence email: nothing left to send");
      claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const actors = await tx.user.findMany({ where: { id: { in: claimed.flatMap((row) => (row.actorId ? [row.actorId] : [])) } }, select: { id: true, name: true, email: true } });
      const actorOf = new Map(actors.map((actor) => [actor.id, actor]));
      // One after the other: a transaction is one connection, which runs one query at a time anyway.
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailOnEvidenceSubmitted: true } });
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });
      // Turned off since: what was claimed stays claimed, and nothing is sent.
      if (!user?.emailOnEvidenceSubmitted) return log.info({ userId }, "evidence email skipped: turned off");
      const entries = claimed.map((row) => ({ hireName: nameOf(row.actorId ? (actorOf.get(row.actorId) ?? null) : null), itemTitle: row.payload.itemTitle ?? "an item", number: row.payload.number ?? 1 }));
      await deliverEmail(
        {
          kind: "evidence-arrived",
          to: user.email,
          idempotencyKey: `evidence-arrived/${jobId}`,
          ...evidenceArrivedEmail({ organizationName: organization.name, entries, queueUrl: appUrl(`/o/${organization.slug}/reviews`) }),
        },
        log,
      );
    }, TRANSACTION);
  },
});

export const reviewDoneEmailJob = defineJob({
  name: "evidence.reviewed-email",
  payload: z.strictObject({ notificationId: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ notificationId }, { log }) {
    await getDb().$transaction(async (tx) => {
      const [claimed] = await prismaRunner(tx).rows<ClaimedNotification & { userId: string; organizationId: string }>(sql`
        UPDATE "Notification" SET "emailedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
        WHERE id = ${notificationId} AND "emailedAt" IS NULL
        RETURNING id, payload, "assignmentId", "userId", "organizationId", "actorId"`);
      if (!claimed) return log.info({ notificationId }, "review email: already sent");
      const user = await tx.user.findUnique({ where: { id: claimed.userId }, select: { email: true, emailOnReviewDone: true } });
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: claimed.organizationId }, select: { slug: true } });
      const reviewer = await tx.notification.findUnique({ where: { id: notificationId }, select: { actor: { select: { name: true, email: true } } } });
      if (!user?.emailOnReviewDone) return log.info({ notificationId }, "review email skipped: turned off");
      await deliverEmail(
        {
          kind: "evidence-reviewed",
          to: user.email,
          idempotencyKey: `evidence-reviewed/${notificationId}`,
          ...reviewDoneEmail({
            reviewerName: nameOf(reviewer?.actor ?? null),
            itemTitle: claimed.payload.itemTitle ?? "an item",
            approved: claimed.payload.decision === "APPROVE",
            comment: claimed.payload.comment ?? null,
            roadmapUrl: appUrl(`/o/${organization.slug}/assignments/${claimed.assignmentId}`),
          }),
        },
        log,
      );
    }, TRANSACTION);
  },
});

/** Waiting longer than this puts an attempt in the mentors' daily digest. */
export const DIGEST_AFTER_HOURS = 24;

export const reviewDigestJob = defineJob({
  name: "evidence.review-digest",
  // Every morning at 07:00 UTC.
  cron: "0 7 * * *",
  payload: z.object({}),
  retry: EMAIL_RETRY,
  async handler(_payload, { log }) {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    // The reviewer SLA: an attempt is overdue when submitted before the cutoff of its organization's target
    // (working days, lib/time/working-days.ts); cutoffs[n - 1] for a target of n days.
    const cutoffs = Array.from({ length: REVIEW_TARGET_DAYS_MAX }, (_, index) => overdueCutoff(now, index + 1).toISOString().replace("T", " ").replace("Z", ""));
    const rows = await prismaRunner(getDb()).rows<{ mentorId: string; email: string; orgName: string; slug: string; waiting: number; oldestHours: number; overdue: number; targetDays: number }>(sql`
      SELECT m."mentorId", u.email, o.name AS "orgName", o.slug, count(*)::int AS waiting,
             floor(extract(epoch FROM (now() AT TIME ZONE 'UTC') - min(e."submittedAt")) / 3600)::int AS "oldestHours",
             count(*) FILTER (WHERE e."submittedAt" < (${cutoffs}::timestamp[])[o."reviewTargetDays"])::int AS overdue,
             o."reviewTargetDays" AS "targetDays"
      FROM "EvidenceAttempt" e
      JOIN "Assignment" a ON a.id = e."assignmentId" AND a.status <> 'ARCHIVED'
      JOIN ${CURRENT_MENTOR_LINKS} m ON m."assignmentId" = a.id AND m."mentorId" <> e."submittedById"
      JOIN "User" u ON u.id = m."mentorId" AND u."emailReviewDigest"
      JOIN "Organization" o ON o.id = e."organizationId"
      WHERE e.status = 'SUBMITTED' AND e."submittedAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => ${DIGEST_AFTER_HOURS})
      GROUP BY m."mentorId", u.email, o.name, o.slug, o."reviewTargetDays"
      ORDER BY m."mentorId", o.name`);
    const byMentor = new Map<string, typeof rows>();
    for (const row of rows) byMentor.set(row.mentorId, [...(byMentor.get(row.mentorId) ?? []), row]);
    for (const [mentorId, orgs] of byMentor) {
      await deliverEmail(
        {
          kind: "review-digest",
          to: orgs[0]!.email,
          // One digest per mentor per day, however often the job runs.
          idempotencyKey: `review-digest/${mentorId}/${day}`,
          ...reviewDigestEmail({ organizations: orgs.map((org) => ({ name: org.orgName, waiting: org.waiting, oldestHours: org.oldestHours, overdue: org.overdue, targetDays: org.targetDays, queueUrl: appUrl(`/o/${org.slug}/reviews`) })) }),
        },
        log,
      );
    }
    log.info({ mentors: byMentor.size }, "review digests sent");
  },
});
