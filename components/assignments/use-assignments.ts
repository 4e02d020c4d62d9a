"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { assignmentsKey, fetchAssignmentsPage } from "./assignments-api";
import type { AssignmentsFilters } from "./assignments-view";

export function useAssignments(slug: string, filters: AssignmentsFilters) {
  return useInfiniteQuery({
    queryKey: [...assignmentsKey(slug), filters],
    queryFn: ({ pageParam }) => fetchAssignmentsPage(slug, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // While a new filter loads, keep showing the last results rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}
