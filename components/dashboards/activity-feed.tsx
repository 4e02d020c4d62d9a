"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyNote, QueryStates } from "@/components/ui/load-states";
import { ActivityList } from "./activity-list";
import { activityKey, fetchActivity } from "./dashboards-api";

/** What happened lately on the assignments the viewer follows, newest first; live events keep it current. The whole history is on the Activity page. */
export function ActivityFeed({ slug }: { slug: string }) {
  const feed = useQuery({ queryKey: activityKey(slug), queryFn: () => fetchActivity(slug) });
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
      <h2 id="activity-heading" className="text-lg font-semibold">
        Activity
      </h2>
      <QueryStates query={feed} what="activity" isEmpty={(data) => data.items.length === 0} empty={<EmptyNote>Nothing yet: what your hires do shows up here as it happens.</EmptyNote>}>
        {(data) => (
          <>
            <ActivityList slug={slug} entries={data.items} label="Recent activity" />
            {data.nextBefore !== null ? (
              <Link href={`/o/${slug}/activity`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
                All activity
              </Link>
            ) : null}
          </>
        )}
      </QueryStates>
    </section>
  );
}
