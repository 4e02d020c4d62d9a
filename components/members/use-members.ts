"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { apiQueryOf } from "./members-view";
import type { MembersFilters } from "./members-view";
import type { MemberPageJson } from "./types";

/** Every cached members list of an organization, whatever its filters: what a change invalidates. */
export const membersKey = (slug: string) => ["members", slug] as const;

export function useMembers(slug: string, filters: MembersFilters) {
  return useInfiniteQuery({
    queryKey: [...membersKey(slug), filters],
    queryFn: ({ pageParam }): Promise<MemberPageJson> => callEndpoint(api.listMembers, { params: { orgSlug: slug }, query: apiQueryOf(filters, pageParam) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // While a new search loads, keep showing the last results rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}
