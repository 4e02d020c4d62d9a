"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import { assignmentKey, errorMessage } from "../roadmap/assignment-api";
import { STATE_LABEL } from "../roadmap/state-labels";
import { applyAssignmentUpgrade, changeSummary, fetchUpgradePreview, upgradePreviewKey } from "./upgrade-api";
import type { UpgradePreviewJson } from "./upgrade-api";

/**
 * "A newer version is available" on an assignment, for whoever may move it (a
 * manager, or the hire): what the new version adds and removes, which progress
 * stays (renamed and moved items) and which is archived, and Apply. Asked for only
 * when the assignment's detail says a newer version exists; nothing shows when it is
 * on the latest version (or the preview's 409 says it got there meanwhile).
 */
export function AssignmentUpgradePanel({ slug, assignmentId, newerVersion }: { slug: string; assignmentId: string; newerVersion: number | null }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const preview = useQuery({
    queryKey: upgradePreviewKey(slug, assignmentId),
    queryFn: async (): Promise<UpgradePreviewJson | null> => {
      try {
        return await fetchUpgradePreview(slug, assignmentId);
      } catch (error) {
        // 409: already on the latest published version.
        if (error instanceof ApiError && error.status === 409) return null;
        throw error;
      }
    },
    enabled: newerVersion !== null,
  });
  const apply = useMutation({
    mutationFn: (toVersionNumber: number) => applyAssignmentUpgrade(slug, assignmentId, toVersionNumber),
    onSuccess: async (result) => {
      toast({ tone: "success", title: `Moved to version ${result.to.number}.`, description: `${result.progress.kept} progress kept, ${result.progress.archived.length} archived.` });
      await Promise.all([queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignmentId) }), queryClient.invalidateQueries({ queryKey: upgradePreviewKey(slug, assignmentId) })]);
    },
  });

  if (newerVersion === null || preview.isPending) return null;
  if (preview.isError)
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-danger">
        Whether a newer version is available could not be checked: {preview.error.message}
        <Button variant="secondary" size="sm" onClick={() => void preview.refetch()}>
          Try again
        </Button>
      </div>
    );
  const data = preview.data;
  if (!data) return null;
  const { diff, progress } = data;
  const kept = [...diff.renamed.map((entry) => `${entry.fromTitle} → ${entry.toTitle} (renamed)`), ...diff.moved.map((entry) => `${entry.title} (moved)`)];

  return (
    <section aria-labelledby="upgrade-heading" className="flex flex-col gap-3 rounded-xl border border-primary/40 bg-primary/5 p-4 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="upgrade-heading" className="text-base font-semibold">
          A newer version is available: v{data.from.number} → v{data.to.number}
        </h2>
        <Button loading={apply.isPending} onClick={() => apply.mutate(data.to.number)}>
          Apply version {data.to.number}
        </Button>
      </div>
      <p className="text-muted-foreground">
        {changeSummary(diff.counts)}. Progress on {progress.kept} {progress.kept === 1 ? "item stays" : "items stays"}; nothing is deleted.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <PreviewList title={`Added (${diff.counts.added})`} empty="None." items={diff.added.map((entry) => entry.title + (entry.descendants > 0 ? ` (+${entry.descendants} under it)` : ""))} />
        <PreviewList
          title={`Removed (${diff.counts.removed})`}
          empty="None."
          items={[
            ...progress.archived.map((entry) => `${entry.title}: ${STATE_LABEL[entry.state]} — archived, kept in history`),
            ...diff.removed.filter((entry) => !progress.archived.some((row) => row.stableKey === entry.stableKey)).map((entry) => `${entry.title} (no progress)`),
          ]}
        />
        <PreviewList title={`Renamed or moved (${kept.length}): progress kept`} empty="None." items={kept} />
      </div>
      {progress.restored.length > 0 ? <p>Brought back with their progress: {progress.restored.map((entry) => entry.title).join(", ")}.</p> : null}
      {apply.isError ? <FormAlert>The assignment was not upgraded: {errorMessage(apply.error)}</FormAlert> : null}
    </section>
  );
}

function PreviewList({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div className="flex flex-col gap-1">
      <h3 className="font-medium">{title}</h3>
      {items.length === 0 ? (
        <p className="text-muted-foreground">{empty}</p>
      ) : (
        <ul className="list-inside list-disc">
          {items.map((item, index) => (
            <li key={`${index}-${item}`}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
