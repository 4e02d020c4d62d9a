"use client";

import { useState } from "react";
import { LoadFailed, LoadingBlock } from "@/components/ui/load-states";
import { ARCHIVED_ITEMS_ID, ArchivedItems } from "../upgrade/archived-items";
import { AssignmentUpgradePanel } from "../upgrade/assignment-upgrade-panel";
import { UpgradeNotice } from "../upgrade/upgrade-notice";
import { Roadmap } from "./roadmap";
import { useAssignment } from "./use-assignment";

/**
 * The roadmap page's client part: the assignment's detail from the cache (warm when opened from home) or the API,
 * with the upgrade offer (managers and the hire), the hire's notice of an upgrade and the removed items' progress.
 */
export function RoadmapView({
  slug,
  assignmentId,
  viewerIsAssignee,
  viewerIsManager = false,
  initialItem,
  openItem = false,
}: {
  slug: string;
  assignmentId: string;
  viewerIsAssignee: boolean;
  viewerIsManager?: boolean;
  initialItem: string | null;
  openItem?: boolean;
}) {
  const assignment = useAssignment(slug, assignmentId);
  const [removedOpen, setRemovedOpen] = useState(false);
  // A failed refetch keeps the data it had: the roadmap stays, only a first load can fail the page.
  if (assignment.data) {
    const detail = assignment.data;
    const mayUpgrade = (viewerIsManager || viewerIsAssignee) && detail.assignment.status !== "ARCHIVED";
    const showRemoved = () => {
      setRemovedOpen(true);
      // After the list renders open.
      requestAnimationFrame(() => document.getElementById(ARCHIVED_ITEMS_ID)?.scrollIntoView({ block: "start" }));
    };
    return (
      <div className="flex flex-col gap-4">
        {viewerIsAssignee ? <UpgradeNotice slug={slug} detail={detail} onShowRemoved={showRemoved} /> : null}
        {mayUpgrade ? <AssignmentUpgradePanel slug={slug} assignmentId={assignmentId} newerVersion={detail.newerVersion?.number ?? null} /> : null}
        <Roadmap slug={slug} detail={detail} viewerIsAssignee={viewerIsAssignee} initialItem={initialItem} openItem={openItem} />
        <ArchivedItems slug={slug} detail={detail} open={removedOpen} onOpenChange={setRemovedOpen} />
      </div>
    );
  }
  if (assignment.isError) return <LoadFailed what="roadmap" message={assignment.error.message} onRetry={() => void assignment.refetch()} />;
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm text-muted-foreground">
        Loading the roadmap…
      </p>
      <LoadingBlock />
    </div>
  );
}
