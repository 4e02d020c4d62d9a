"use client";

import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { NEXT_UP_DETAILS, orderMyAssignments } from "./my-assignments-order";
import { AssignmentCard } from "./assignment-card";
import { utcDay } from "@/lib/assignments/pacing";
import { dueThisWeek } from "./this-week";
import { ThisWeekList } from "./this-week-list";
import { useAssignmentDetails, useMyAssignments, useNextUp } from "./use-my-assignments";

/** A hire holds a handful of active tracks; "This week" reads at most this many. */
const THIS_WEEK_DETAILS = 10;

/** The hire's home: every track assigned to them, active ones first, with the next items of the first few. */
export function MyAssignments({ slug, userId }: { slug: string; userId: string }) {
  const list = useMyAssignments(slug, userId);
  const items = orderMyAssignments(list.data?.items ?? []);
  const withNextUp = items.filter((item) => item.status === "ACTIVE").slice(0, NEXT_UP_DETAILS).map((item) => item.id);
  const nextUp = useNextUp(slug, withNextUp);
  const active = items.filter((item) => item.status === "ACTIVE").slice(0, THIS_WEEK_DETAILS).map((item) => item.id);
  const details = useAssignmentDetails(slug, active);
  const week = dueThisWeek(details.details, utcDay(new Date()));

  // A failed refetch keeps the list it had; only a first load can fail the page.
  if (list.isError && !list.data) return <LoadFailed what="assignments" message={list.error.message} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <LoadingStatus block>Loading your tracks…</LoadingStatus>;
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-border-strong p-6 text-sm">
        <p className="font-medium">No tracks assigned yet — your manager will assign one.</p>
        <p className="mt-1 text-muted-foreground">When they do, it shows up here with your progress and what to do next.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ThisWeekList slug={slug} items={week.items} more={week.more} />
      <ul className="flex flex-col gap-4">
        {items.map((assignment) => (
          <li key={assignment.id}>
            <AssignmentCard slug={slug} assignment={assignment} nextUp={nextUp.get(assignment.id) ?? null} />
          </li>
        ))}
      </ul>
    </div>
  );
}
