"use client";

import { useQuery } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/api/client";
import type { EndpointResponse } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";

export type SetupChecklistJson = EndpointResponse<typeof api.getSetupProgress>;

export const setupProgressKey = (slug: string) => ["setup-progress", slug] as const;

/**
 * The setup checklist for the Setup tab's "2/5" (owners and admins). Live events that can
 * move a step (a track, a member or invitation, an assignment or its progress) read it
 * again while it is not complete (apply-events.ts); a badge that fails to load is left out.
 */
export function useSetupProgress(slug: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: setupProgressKey(slug),
    queryFn: (): Promise<SetupChecklistJson> => callEndpoint(api.getSetupProgress, { params: { orgSlug: slug } }),
    enabled,
  });
}

/** Complete stays complete for the badge: after that, events need not read it again. */
export function setupStillOpen(queryClient: QueryClient, slug: string): boolean {
  const checklist = queryClient.getQueryData<SetupChecklistJson>(setupProgressKey(slug));
  return checklist !== undefined && !checklist.complete;
}
