import { cx } from "@/components/ui/class-names";

type Status = "done" | "in-progress" | "submitted" | "changes" | "not-started";

const statusLabel: Record<Status, string> = {
  done: "Done",
  "in-progress": "In progress",
  submitted: "Evidence submitted",
  changes: "Changes requested",
  "not-started": "Not started",
};

const statusClasses: Record<Status, string> = {
  done: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  "in-progress": "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  submitted: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  changes: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  "not-started": "bg-surface-muted text-muted-foreground",
};

type Row = { title: string; depth: number; status?: Status; evidence?: boolean };

// Items taken from the Python Backend Roadmap, to show the shape of a real track.
const rows: Row[] = [
  { title: "functions", depth: 0 },
  { title: "parameters & argument binding rules", depth: 1 },
  { title: "positional-only parameters", depth: 2, status: "done" },
  { title: "keyword-only parameters", depth: 2, status: "in-progress" },
  { title: "variadic args", depth: 2, status: "submitted", evidence: true },
  { title: "exceptions", depth: 0 },
  { title: "exception hierarchy", depth: 1, status: "done" },
  { title: "try/except/else/finally", depth: 1, status: "changes", evidence: true },
  { title: "cleanup patterns", depth: 2, status: "not-started" },
];

/** A static illustration of a track in progress; it shows no real user's data. */
export function TrackExcerpt() {
  return (
    <figure className="rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5">
      <figcaption className="mb-3 text-sm font-medium text-muted-foreground">
        An excerpt of a Python backend track, part-way through
      </figcaption>
      <ul className="flex flex-col gap-1.5">
        {rows.map((row) => (
          <li
            key={row.title}
            style={{ paddingInlineStart: `${row.depth * 1.25}rem` }}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-sm"
          >
            <span className={cx(row.status ? "text-foreground" : "font-semibold text-foreground")}>
              {row.title}
              {row.evidence ? <span className="text-muted-foreground"> · evidence required</span> : null}
            </span>
            {row.status ? (
              <span className={cx("rounded-full px-2 py-0.5 text-xs font-medium", statusClasses[row.status])}>
                {statusLabel[row.status]}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </figure>
  );
}
