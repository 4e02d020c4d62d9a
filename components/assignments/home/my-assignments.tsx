"use client";

import { LoadFailed, LoadingBlock } from "@/components/ui/load-states";
import { NEXT_UP_DETAILS, orderMyAssignments } from "./my-assignments-order";
import { AssignmentCard } from "./assignment-card";
import { useMyAssignments, useNextUp } from "./use-my-assignments";

/** The hire's home: every track assigned to them, active ones first, with the next items of the first few. */
export function MyAssignments({ slug, userId }: { slug: string; userId: string }) {
  const list = useMyAssignments(slug, userId);
  const items = orderMyAssignments(list.data?.items ?? []);
  const withNextUp = items.filter((item) => item.status === "ACTIVE").slice(0, NEXT_UP_DETAILS).map((item) => item.id);
  const nextUp = useNextUp(slug, withNextUp);

  // A failed refetch keeps the list it had; only a first load can fail the page.
  if (list.isError && !list.data) return <LoadFailed what="assignments" message={list.error.message} onRetry={() => void list.refetch()} />;
  if (list.isPending) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="text-sm text-muted-foreground">
          Loading your tracks…
        </p>
        <LoadingBlock />
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-border-strong p-6 text-sm">
        <p className="font-medium">No tracks assigned yet — your manager will assign one.</p>
        <p className="mt-1 text-muted-foreground">When they do, it shows up here with your progress and what to do next.</p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col gap-4">
      {items.map((assignment) => (
        <li key={assignment.id}>
          <AssignmentCard slug={slug} assignment={assignment} nextUp={nextUp.get(assignment.id) ?? null} />
        </li>
      ))}
    </ul>
  );
}
