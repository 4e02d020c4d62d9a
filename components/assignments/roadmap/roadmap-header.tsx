import { countedText, hasExclusions, itemsDoneText } from "@/lib/progress/count-words";
import { DueLabel } from "./due-label";
import { ProgressBar } from "./progress-bar";
import type { AssignmentSummaryJson } from "./types";

const nameOf = (person: { name: string | null; email: string }) => person.name ?? person.email;

/** The assignment at a glance: whose it is, how far along, when it is due, who mentors it. */
export function RoadmapHeader({ assignment, viewerIsAssignee }: { assignment: AssignmentSummaryJson; viewerIsAssignee: boolean }) {
  const { progress } = assignment;
  // The shared words (lib/progress/count-words.ts): what is done, then what is left out of the count.
  const totals = hasExclusions(progress) ? countedText(progress) : null;
  return (
    <div className="flex flex-col gap-3">
      {viewerIsAssignee ? null : (
        <p className="self-start rounded-md border border-border bg-surface-muted px-3 py-1.5 text-sm font-medium">
          Viewing {nameOf(assignment.assignee)}’s progress <span className="font-normal text-muted-foreground">(read-only)</span>
        </p>
      )}
      <div>
        <h1 id="roadmap-heading" className="text-2xl font-semibold tracking-tight break-words">
          {assignment.track.title}
        </h1>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted-foreground">
          <span>Version {assignment.version.number}</span>
          <DueLabel assignment={assignment} />
          <span>Mentors: {assignment.mentors.map(nameOf).join(", ")}</span>
        </p>
      </div>
      {assignment.status === "ARCHIVED" ? (
        <p className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">This assignment is archived: it is kept for reference and no longer takes progress.</p>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <p>
            <span className="text-lg font-semibold tabular-nums">{progress.percent}%</span>{" "}
            <span className="text-muted-foreground">
              {itemsDoneText(progress)}
              {progress.inProgress > 0 ? ` · ${progress.inProgress} in progress` : ""}
            </span>
            {totals ? <span className="text-muted-foreground"> · {totals}</span> : null}
          </p>
          {assignment.status === "COMPLETED" ? <span className="rounded-full bg-success/15 px-2.5 py-0.5 text-sm font-medium text-success">Completed</span> : null}
        </div>
        <ProgressBar percent={progress.percent} label="Progress of the whole track" />
      </div>
    </div>
  );
}
