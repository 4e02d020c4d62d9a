"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { assignmentKey, fetchAssignment, myAssignmentsKey } from "../roadmap/assignment-api";
import type { AssignmentSummaryJson } from "../roadmap/types";

/** The API's largest page: a hire holds a handful of assignments, so one page is all of them. */
const LIMIT = 100;

export function useMyAssignments(slug: string, userId: string) {
  return useQuery({
    queryKey: [...myAssignmentsKey(slug), userId],
    queryFn: (): Promise<{ items: AssignmentSummaryJson[]; nextCursor: string | null }> =>
      callEndpoint(api.listAssignments, { params: { orgSlug: slug }, query: { assigneeId: userId, limit: LIMIT } }),
  });
}

/**
 * The details of the hire's active assignments (at most `THIS_WEEK_DETAILS`), for "This week": the
 * same cache entries as the roadmap and the next items, so nothing is read twice.
 */
export function useAssignmentDetails(slug: string, assignmentIds: readonly string[]) {
  return useQueries({
    queries: assignmentIds.map((id) => ({ queryKey: assignmentKey(slug, id), queryFn: () => fetchAssignment(slug, id) })),
    combine: (results) => ({
      details: results.flatMap((result) => (result.data ? [result.data] : [])),
      pending: results.some((result) => result.isPending),
    }),
  });
}

/**
 * The next items of a few assignments, from their details: the list has no next
 * items, and the detail is what the roadmap opens with, so the same request
 * makes opening a roadmap from here instant (one cache entry per assignment).
 */
export function useNextUp(slug: string, assignmentIds: readonly string[]) {
  return useQueries({
    queries: assignmentIds.map((id) => ({ queryKey: assignmentKey(slug, id), queryFn: () => fetchAssignment(slug, id) })),
    combine: (results) =>
      new Map(
        results.map((result, index) => [
          assignmentIds[index]!,
          { items: result.data?.nextUp ?? null, failed: result.isError },
        ]),
      ),
  });
}
