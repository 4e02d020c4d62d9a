import type { AssignmentJson } from "./types";

/**
 * An assignment's progress as the server counted it (lib/progress): the bar and
 * the number show `percent` as sent, never a figure recomputed here.
 */
export function ProgressBar({ progress, label }: { progress: AssignmentJson["progress"]; label: string }) {
  const items = `${progress.done} of ${progress.total} ${progress.total === 1 ? "item" : "items"} done`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={`${progress.percent}%, ${items}`}
          className="h-2 w-12 shrink-0 sm:w-20 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset"
        >
          <div className="h-full rounded-full bg-primary" style={{ width: `${progress.percent}%` }} />
        </div>
        <span className="text-sm font-medium tabular-nums">{progress.percent}%</span>
      </div>
      <span className="hidden text-xs text-muted-foreground sm:block">{items}</span>
    </div>
  );
}
