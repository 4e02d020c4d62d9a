"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import { assignmentsKey, updateAssignment } from "./assignments-api";
import { replaceAssignment } from "./assignment-cache";
import type { AssignmentPages } from "./assignment-cache";
import { formatDay, personName } from "./labels";
import type { AssignmentJson, AssignmentUpdate } from "./types";

function successMessage(before: AssignmentJson, after: AssignmentJson, update: AssignmentUpdate): string {
  const whose = `${personName(before.assignee)}'s ${before.track.title}`;
  if (update.archived === true) return `${whose} is archived.`;
  if (update.archived === false) return `${whose} is ${after.status === "COMPLETED" ? "completed" : "active"} again.`;
  if (update.mentorIds) return `${whose} is now mentored by ${after.mentors.map(personName).join(", ")}.`;
  return after.dueDate ? `${whose} is now due ${formatDay(after.dueDate)}.` : `${whose} has no due date now.`;
}

/**
 * One manager change to an assignment (PATCH). The answer replaces the row in
 * every cached list at once; the lists are then refetched, since a change can
 * move it into or out of a filtered view (archiving leaves the default one).
 * Errors are the caller's to show: next to the dialog's field, or as a toast.
 */
export function useUpdateAssignment(slug: string) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: ({ assignment, update }: { assignment: AssignmentJson; update: AssignmentUpdate }) => updateAssignment(slug, assignment.id, update),
    onSuccess: async (updated, { assignment, update }) => {
      queryClient.setQueriesData<AssignmentPages>({ queryKey: assignmentsKey(slug) }, (data) => replaceAssignment(data, updated));
      toast({ tone: "success", title: successMessage(assignment, updated, update) });
      await queryClient.invalidateQueries({ queryKey: assignmentsKey(slug) });
    },
  });
}
