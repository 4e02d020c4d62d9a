"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InfiniteData } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { ROLE_LABEL } from "@/lib/members/labels";
import { dropMember, patchMember } from "./member-cache";
import { membersKey } from "./use-members";
import type { MemberJson, MemberPageJson } from "./types";

export type MemberUpdate = { role?: Role; status?: MembershipStatus };
type Pages = InfiniteData<MemberPageJson, string | null>;

const nameOf = (member: MemberJson) => member.user.name ?? member.user.email;

function successMessage(member: MemberJson, update: MemberUpdate): string {
  if (update.role) return `${nameOf(member)} is now ${update.role === "OWNER" || update.role === "ADMIN" ? "an" : "a"} ${ROLE_LABEL[update.role].toLowerCase()}.`;
  if (update.status === "SUSPENDED") return `${nameOf(member)} is suspended and lost access.`;
  return `${nameOf(member)} is active again.`;
}

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong. Try again.";
}

/**
 * Changing and removing members, applied to the cached lists at once and rolled
 * back if the server refuses; the server's reason is shown as a toast. Every
 * list of the organization is refetched afterwards, since a change can move a
 * member into or out of a filtered view.
 */
export function useMemberMutations(slug: string, { onChanged, onLeft }: { onChanged?: (member: MemberJson) => void; onLeft?: () => void } = {}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const key = membersKey(slug);
  const params = (member: MemberJson) => ({ orgSlug: slug, membershipId: member.id });

  async function applyOptimistically(edit: (data: Pages | undefined) => Pages | undefined) {
    await queryClient.cancelQueries({ queryKey: key });
    const snapshot = queryClient.getQueriesData<Pages>({ queryKey: key });
    queryClient.setQueriesData<Pages>({ queryKey: key }, edit);
    return { snapshot };
  }

  function rollBack(context: { snapshot: Array<[readonly unknown[], Pages | undefined]> } | undefined) {
    for (const [queryKey, data] of context?.snapshot ?? []) queryClient.setQueryData(queryKey, data);
  }

  const update = useMutation({
    mutationFn: ({ member, update }: { member: MemberJson; update: MemberUpdate }) => callEndpoint(api.updateMember, { params: params(member), body: update }),
    onMutate: ({ member, update }) => applyOptimistically((data) => patchMember(data, member.id, update)),
    onError: (error, _variables, context) => {
      rollBack(context);
      toast({ tone: "error", title: "The change was not made", description: errorMessage(error) });
    },
    onSuccess: (_member, { member, update }) => {
      toast({ tone: "success", title: successMessage(member, update) });
      onChanged?.(member);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const remove = useMutation({
    mutationFn: ({ member }: { member: MemberJson; self: boolean }) => callEndpoint(api.removeMember, { params: params(member) }),
    onMutate: ({ member }) => applyOptimistically((data) => dropMember(data, member.id)),
    onError: async (error, { self }, context) => {
      rollBack(context);
      toast({ tone: "error", title: self ? "You have not left" : "The member was not removed", description: errorMessage(error) });
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: async (_result, { member, self }) => {
      toast({ tone: "success", title: self ? "You left the organization." : `${nameOf(member)} was removed.` });
      if (self) {
        // Nothing here is readable any more: drop it rather than refetch into a 404.
        queryClient.removeQueries({ queryKey: key });
        onLeft?.();
        return;
      }
      onChanged?.(member);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return { update, remove };
}
