"use client";

import { HydrationBoundary, useQueryClient } from "@tanstack/react-query";
import type { DehydratedState } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { progressWritesKey } from "./assignment-api";

/**
 * The roadmap page's server read of the assignment, put in the cache before the roadmap's
 * query runs: a cold load shows the roadmap without fetching it again. A newer cached copy
 * (a live update after the read) wins, as react-query merges by time; and a tab whose
 * progress writes are still queued keeps its cache, which holds them (the server's read
 * would hide them for a moment, as a refetch would: use-assignment.ts).
 */
export function RoadmapHydration({ slug, assignmentId, state, children }: { slug: string; assignmentId: string; state: DehydratedState; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [writesQueued] = useState(() => queryClient.isMutating({ mutationKey: progressWritesKey(slug, assignmentId) }) > 0);
  return <HydrationBoundary state={writesQueued ? undefined : state}>{children}</HydrationBoundary>;
}
