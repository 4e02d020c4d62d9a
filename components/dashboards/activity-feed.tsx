"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { timeAgo } from "@/components/notifications/time-ago";
import { useNowByMinute } from "@/components/reviews/use-now";
import { LoadFailed } from "@/components/ui/load-states";
import { activityKey, fetchActivity } from "./dashboards-api";

/** What happened lately on the assignments the viewer follows, newest first; live events keep it current. */
export function ActivityFeed({ slug }: { slug: string }) {
  const now = useNowByMinute();
  const feed = useQuery({ queryKey: activityKey(slug), queryFn: () => fetchActivity(slug) });
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
      <h2 id="activity-heading" className="text-lg font-semibold">
        Activity
      </h2>
      {feed.isPending ? (
        <p role="status" className="text-sm text-muted-foreground">
          Loading the activity…
        </p>
      ) : feed.isError ? (
        <LoadFailed what="activity" message={feed.error.message} onRetry={() => void feed.refetch()} />
      ) : feed.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet: what your hires do shows up here as it happens.</p>
      ) : (
        <ol aria-label="Recent activity" className="flex flex-col gap-2">
          {feed.data.items.map((entry) => (
            <li key={entry.sequence} className="text-sm">
              <Link href={`/o/${slug}/assignments/${entry.assignmentId}`} className="text-link underline-offset-2 hover:underline">
                {entry.text}
              </Link>{" "}
              <time dateTime={entry.at} className="text-xs text-muted-foreground">
                {now === 0 ? "" : timeAgo(new Date(entry.at), new Date(now))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
