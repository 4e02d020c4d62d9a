import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { countedText, hasExclusions, itemsDoneText } from "@/lib/progress/count-words";
import { DueLabel } from "../roadmap/due-label";
import { ProgressBar } from "../roadmap/progress-bar";
import type { AssignmentDetailJson, AssignmentSummaryJson } from "../roadmap/types";

type NextUp = AssignmentDetailJson["nextUp"];

const nameOf = (person: { name: string | null; email: string }) => person.name ?? person.email;

/** One of the hire's assignments: how far along, when due, who mentors it, and what comes next. */
export function AssignmentCard({ slug, assignment, nextUp }: { slug: string; assignment: AssignmentSummaryJson; nextUp: { items: NextUp | null; failed: boolean } | null }) {
  const href = `/o/${slug}/assignments/${assignment.id}`;
  const { progress } = assignment;
  const headingId = `assignment-${assignment.id}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold break-words">
          <Link href={href} className="underline-offset-2 hover:underline">
            {assignment.track.title}
          </Link>
        </h2>
        {assignment.status === "COMPLETED" ? <span className="rounded-full bg-success/15 px-2.5 py-0.5 text-sm font-medium text-success">Completed</span> : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <p className="text-sm">
          <span className="font-semibold tabular-nums">{progress.percent}%</span>{" "}
          <span className="text-muted-foreground">
            · {itemsDoneText(progress)}
            {progress.inProgress > 0 ? ` · ${progress.inProgress} in progress` : ""}
          </span>
          {hasExclusions(progress) ? <span className="block text-muted-foreground">{countedText(progress)}</span> : null}
        </p>
        <ProgressBar percent={progress.percent} label={`${assignment.track.title}: progress`} />
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <DueLabel assignment={assignment} />
        <span className="text-muted-foreground">Mentors: {assignment.mentors.map(nameOf).join(", ")}</span>
      </p>
      {nextUp ? (
        <div className="text-sm">
          <h3 className="font-medium">Next up</h3>
          {nextUp.items === null ? (
            <p className="text-muted-foreground">{nextUp.failed ? "The next items could not be loaded; the roadmap has them." : "Loading the next items…"}</p>
          ) : nextUp.items.length === 0 ? (
            <p className="text-muted-foreground">Nothing left to do.</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1">
              {nextUp.items.slice(0, 3).map((item) => (
                <li key={item.key}>
                  <Link href={`${href}?item=${encodeURIComponent(item.key)}`} className="text-link underline-offset-2 hover:underline">
                    {item.title}
                  </Link>
                  {item.state === "IN_PROGRESS" ? <span className="ml-2 rounded bg-primary/10 px-1.5 text-xs text-primary">in progress</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div>
        <Link href={href} className={buttonStyles({ variant: assignment.status === "ACTIVE" ? "primary" : "secondary", size: "sm" })}>
          {assignment.status === "ACTIVE" ? (progress.done > 0 || progress.inProgress > 0 ? "Continue" : "Start") : "Open"}
          <span className="sr-only"> {assignment.track.title}</span>
        </Link>
      </div>
    </article>
  );
}
