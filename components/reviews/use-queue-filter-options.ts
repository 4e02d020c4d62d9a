"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchAllPages } from "@/components/assignments/fetch-all-pages";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { queueFilterOptions } from "./queue-filter-options";

/** Who looks at the queue: owners and admins review every assignment, mentors their mentees' (lib/evidence/review-queue.ts). */
export interface QueueViewer {
  userId: string;
  reviewsAll: boolean;
}

// Enough for any team's filters; past it the lists are cut short, as the other pickers are.
const MAX_PAGES = 20;

/** The hires and tracks the queue's filters offer: from the assignments the viewer reviews (the queue's own rule). */
export function useQueueFilterOptions(slug: string, viewer: QueueViewer) {
  return useQuery({
    queryKey: ["review-filter-options", slug, viewer.userId, viewer.reviewsAll] as const,
    queryFn: async () => {
      const { items } = await fetchAllPages(
        (cursor) => callEndpoint(api.listAssignments, { params: { orgSlug: slug }, query: { limit: 100, cursor: cursor || undefined, ...(viewer.reviewsAll ? {} : { mentorId: viewer.userId }) } }),
        MAX_PAGES,
      );
      return queueFilterOptions(items, viewer.userId);
    },
  });
}
