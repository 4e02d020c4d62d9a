"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { memo } from "react";
import { ProgressBar } from "@/components/assignments/progress-bar";
import { timeAgo } from "@/components/notifications/time-ago";
import { useNowByMinute } from "@/components/reviews/use-now";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { ActivityFeed } from "./activity-feed";
import { fetchMentorDashboard, mentorDashboardKey } from "./dashboards-api";
import type { MenteeJson } from "./dashboards-api";
import { NudgeButton } from "@/components/reminders/nudge-button";
import { FlagPill } from "./flag-pill";

const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

/** "Who needs me now?": the viewer's mentees, flagged ones first, and what happened lately. Live events keep both current. */
export function MenteesDashboard({ slug }: { slug: string }) {
  const dashboard = useQuery({ queryKey: mentorDashboardKey(slug), queryFn: () => fetchMentorDashboard(slug) });
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="mentees-heading" className="flex flex-col gap-4">
        <h2 id="mentees-heading" className="text-lg font-semibold">
          Your mentees
        </h2>
        {dashboard.isPending ? (
          <LoadingStatus block>Loading your mentees…</LoadingStatus>
        ) : dashboard.isError ? (
          <LoadFailed what="dashboard" message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />
        ) : dashboard.data.mentees.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border p-6 text-sm text-muted-foreground">You mentor nobody yet. When a manager makes you someone’s mentor, they show up here.</p>
        ) : (
          <ul aria-label="Mentees" className="flex flex-col gap-4">
            {dashboard.data.mentees.map((mentee) => (
              <MenteeCard key={mentee.assignment.id} slug={slug} mentee={mentee} stuckAfterDays={dashboard.data.stuckAfterDays} />
            ))}
          </ul>
        )}
      </section>
      <ActivityFeed slug={slug} />
    </div>
  );
}

/**
 * One mentee. Memoized: a refetch keeps the objects of unchanged mentees (react-query's
 * structural sharing), so a burst of live events re-renders only the cards it changed.
 */
const MenteeCard = memo(function MenteeCard({ slug, mentee, stuckAfterDays }: { slug: string; mentee: MenteeJson; stuckAfterDays: number }) {
  const now = useNowByMinute();
  const { assignment, flags } = mentee;
  const name = personName(assignment.assignee);
  const ago = (iso: string) => (now === 0 ? "" : timeAgo(new Date(iso), new Date(now)));
  // data-progress-done: the items done as shown, a stable hook for bench/mentor-burst.ts.
  return (
    <li aria-labelledby={`mentee-${assignment.id}`} data-progress-done={assignment.progress.done} className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`mentee-${assignment.id}`} className="font-semibold">
          <Link href={`/o/${slug}/assignments/${assignment.id}`} className="text-link underline-offset-2 hover:underline">
            {name}
          </Link>{" "}
          <span className="font-normal text-muted-foreground">· {assignment.track.title}</span>
        </h3>
        <ul aria-label={`Flags for ${name}`} className="flex flex-wrap gap-1.5 text-xs">
          {flags.stuck ? <FlagPill title={flags.stuckReason ?? `Stuck for over ${stuckAfterDays} days`}>Stuck</FlagPill> : null}
          {flags.overdue ? <FlagPill title={`Due ${assignment.dueDate}`}>Overdue</FlagPill> : null}
          {flags.unanswered ? <FlagPill title="Changes were requested and not answered yet">Changes unanswered</FlagPill> : null}
          {assignment.status === "COMPLETED" ? <li className="rounded-full bg-surface-muted px-2 py-0.5">Completed</li> : null}
        </ul>
      </div>
      <ProgressBar progress={assignment.progress} label={`${name}’s progress on ${assignment.track.title}`} />
      <p className="text-sm text-muted-foreground">
        {mentee.lastActivityAt ? `Last active ${ago(mentee.lastActivityAt)}` : "No activity yet"}
        {flags.stuckReason ? ` · ${flags.stuckReason}` : ""}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer touch:flex touch:min-h-11 touch:items-center">Sections</summary>
        <ul className="mt-2 flex flex-col gap-1">
          {mentee.sections.map((section) => (
            <li key={section.key} className="flex items-center justify-between gap-3">
              <span className="truncate">{section.title}</span>
              <span className="text-muted-foreground tabular-nums">
                {section.done}/{section.total} · {section.percent}%
              </span>
            </li>
          ))}
        </ul>
      </details>
      {mentee.inProgress.length > 0 ? (
        <div className="text-sm">
          <p className="font-medium">In progress</p>
          <ul className="mt-1 flex flex-col gap-0.5">
            {mentee.inProgress.slice(0, 5).map((item) => (
              <li key={item.key}>
                {item.title} <span className="text-muted-foreground">· since {ago(item.since)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {mentee.pendingReviews.length > 0 ? (
        <p className="text-sm">
          <Link href={`/o/${slug}/reviews?hire=${encodeURIComponent(assignment.assignee.id)}`} className="font-medium text-link underline-offset-2 hover:underline">
            {mentee.pendingReviews.length} waiting for your review
          </Link>{" "}
          <span className="text-muted-foreground">· the oldest since {ago(mentee.pendingReviews[0]!.submittedAt)}</span>
        </p>
      ) : null}
      {assignment.status === "ACTIVE" ? (
        <div>
          <NudgeButton slug={slug} assignmentId={assignment.id} hireName={name} />
        </div>
      ) : null}
    </li>
  );
});
