"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { assignmentKey, fetchAssignment, progressWritesKey } from "./assignment-api";

/**
 * One assignment's detail. A refetch landing while progress writes are queued
 * would show the server without them for a moment, so focus and reconnect
 * refetch only when none is.
 */
export function useAssignment(slug: string, assignmentId: string, { enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  const idle = () => queryClient.isMutating({ mutationKey: progressWritesKey(slug, assignmentId) }) === 0;
  return useQuery({
    queryKey: assignmentKey(slug, assignmentId),
    queryFn: () => fetchAssignment(slug, assignmentId),
    enabled,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
  });
}
