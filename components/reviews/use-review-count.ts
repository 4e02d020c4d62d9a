"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchReviewCount, reviewCountKey } from "@/components/evidence/evidence-api";

/**
 * How many attempts wait for the viewer, for the tab's badge. Reviews made in
 * this tab refresh it (evidence-sync.ts); otherwise it is read again on focus and
 * every few minutes while the tab is visible, until live updates come. A badge
 * that fails to load is simply left out.
 */
export function useReviewCount(slug: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: reviewCountKey(slug),
    queryFn: () => fetchReviewCount(slug),
    enabled,
    refetchInterval: 3 * 60_000,
  });
}
