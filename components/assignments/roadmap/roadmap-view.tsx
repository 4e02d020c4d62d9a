"use client";

import { LoadFailed, LoadingBlock } from "@/components/ui/load-states";
import { Roadmap } from "./roadmap";
import { useAssignment } from "./use-assignment";

/** The roadmap page's client part: the assignment's detail from the cache (warm when opened from home) or the API. */
export function RoadmapView({ slug, assignmentId, viewerIsAssignee, initialItem, openItem = false }: { slug: string; assignmentId: string; viewerIsAssignee: boolean; initialItem: string | null; openItem?: boolean }) {
  const assignment = useAssignment(slug, assignmentId);
  // A failed refetch keeps the data it had: the roadmap stays, only a first load can fail the page.
  if (assignment.data) return <Roadmap slug={slug} detail={assignment.data} viewerIsAssignee={viewerIsAssignee} initialItem={initialItem} openItem={openItem} />;
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
