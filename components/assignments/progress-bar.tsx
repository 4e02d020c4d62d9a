import { countedText, hasExclusions, itemsDoneText } from "@/lib/progress/count-words";
import type { AssignmentJson } from "./types";

/**
 * An assignment's progress as the server counted it (lib/progress): the bar and
 * the number show `percent` as sent, never a figure recomputed here, and the words
 * are the shared ones (count-words.ts): "145 of 380 items done", then what was left
 * out ("380 counted · 23 skipped · 1 not applicable") when anything was.
 */
export function ProgressBar({ progress, label }: { progress: AssignmentJson["progress"]; label: string }) {
  const items = itemsDoneText(progress);
  const totals = hasExclusions(progress) ? countedText(progress) : null;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={`${progress.percent}%, ${items}${totals ? ` (${totals})` : ""}`}
          className="h-2 w-12 shrink-0 sm:w-20 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset"
        >
          <div className="h-full rounded-full bg-primary" style={{ width: `${progress.percent}%` }} />
        </div>
        <span className="text-sm font-medium tabular-nums">{progress.percent}%</span>
      </div>
      <span className="hidden text-xs text-muted-foreground sm:block">{items}</span>
      {totals ? <span className="hidden text-xs text-muted-foreground sm:block">{totals}</span> : null}
    </div>
  );
}
