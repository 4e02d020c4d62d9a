"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { assignmentKey } from "../roadmap/assignment-api";
import type { AssignmentDetailJson } from "../roadmap/types";
import { dismissUpgradeNotice } from "./upgrade-api";

/** "3 added, 1 removed": what the hire's notice says changed (nodes, as changeSummary counts them). */
export function noticeSummary(notice: NonNullable<AssignmentDetailJson["upgradeNotice"]>): string {
  const parts = [`${notice.added} added`, `${notice.removed} removed`];
  if (notice.renamed > 0) parts.push(`${notice.renamed} renamed`);
  if (notice.moved > 0) parts.push(`${notice.moved} moved`);
  return parts.join(", ");
}

/** The hire's notice of an upgrade someone else made, until they dismiss it. */
export function UpgradeNotice({ slug, detail, onShowRemoved }: { slug: string; detail: AssignmentDetailJson; onShowRemoved: () => void }) {
  const queryClient = useQueryClient();
  const notice = detail.upgradeNotice;
  const dismiss = useMutation({
    mutationFn: () => dismissUpgradeNotice(slug, detail.assignment.id),
    onSuccess: () => {
      queryClient.setQueryData<AssignmentDetailJson>(assignmentKey(slug, detail.assignment.id), (old) => (old ? { ...old, upgradeNotice: null } : old));
    },
  });
  if (!notice) return null;
  const removedWithProgress = notice.archived.length;
  return (
    <section role="status" aria-labelledby="upgrade-notice-heading" className="flex flex-col gap-2 rounded-xl border border-primary/40 bg-primary/5 p-4 text-sm">
      <h2 id="upgrade-notice-heading" className="font-semibold">
        Your track was updated to v{notice.toNumber}: {noticeSummary(notice)}
        {removedWithProgress > 0 ? " — the progress on removed items is kept in history" : ""}
      </h2>
      {notice.renamed > 0 || notice.moved > 0 ? <p className="text-muted-foreground">Renamed and moved items keep your progress.</p> : null}
      <div className="flex flex-wrap gap-2">
        {removedWithProgress > 0 ? (
          <Button variant="secondary" size="sm" onClick={onShowRemoved}>
            See the removed items’ history
          </Button>
        ) : null}
        <Button variant="secondary" size="sm" loading={dismiss.isPending} onClick={() => dismiss.mutate()}>
          Dismiss
        </Button>
      </div>
      {dismiss.isError ? <FormAlert>The notice was not dismissed: {dismiss.error.message}</FormAlert> : null}
    </section>
  );
}
