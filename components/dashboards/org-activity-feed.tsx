"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyNote, QueryStates } from "@/components/ui/load-states";
import { useFocusFirstAdded } from "@/components/ui/use-focus-first-added";
import { ActivityList } from "./activity-list";
import { activityFeedKey, fetchActivityPage } from "./dashboards-api";

/**
 * The Activity page's feed: newest first, thirty at a time, "Show older" appending
 * the next page. Its key sits under activityKey, so a live event refetches the pages
 * on screen from the newest down (each page's `before` taken from the fresh one
 * above it, so nothing is skipped or shown twice).
 */
export function OrgActivityFeed({ slug }: { slug: string }) {
  const feed = useInfiniteQuery({
    queryKey: activityFeedKey(slug),
    queryFn: ({ pageParam }) => fetchActivityPage(slug, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];
  // After "Show older", focus moves to the first added entry's link.
  const { listRef, markLoadMore } = useFocusFirstAdded(entries.length, "a");

  return (
    <QueryStates
      query={feed}
      what="activity"
      block
      isEmpty={() => entries.length === 0}
      empty={<EmptyNote boxed>Nothing has happened yet. Progress, evidence, reviews and comments show up here as they happen.</EmptyNote>}
    >
      {() => (
        <div className="flex flex-col gap-4">
          <div className="rounded-xl border border-border bg-surface p-4">
            <ActivityList slug={slug} entries={entries} label="Activity" listRef={listRef} />
          </div>
          {feed.isFetchNextPageError ? (
            <p role="alert" className="text-sm text-danger">
              Older activity could not be loaded: {feed.error.message}
            </p>
          ) : null}
          {feed.hasNextPage ? (
            <div>
              <Button
                variant="secondary"
                loading={feed.isFetchingNextPage}
                onClick={() => {
                  markLoadMore();
                  void feed.fetchNextPage();
                }}
              >
                Show older
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">No older activity.</p>
          )}
        </div>
      )}
    </QueryStates>
  );
}
