"use client";

import Link from "next/link";
import { cx } from "@/components/ui/class-names";
import { formatDay } from "../roadmap/due-date";
import type { WeekItem } from "./this-week";
import { useDatePlace } from "@/components/ui/time";

/** "This week": the hire's open items due in the next 7 days or overdue, before the tracks. */
export function ThisWeekList({ slug, items, more }: { slug: string; items: readonly WeekItem[]; more: number }) {
  const place = useDatePlace();
  // Nothing due (or the details still loading): no box, rather than one that flashes empty.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="this-week-heading" className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
      <h2 id="this-week-heading" className="text-lg font-semibold">
        This week
      </h2>
      <ul className="flex flex-col gap-1.5 text-sm">
          {items.map((item) => (
            <li key={`${item.assignmentId}/${item.key}`} className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/o/${slug}/assignments/${item.assignmentId}?item=${encodeURIComponent(item.key)}`} className="text-link underline-offset-2 hover:underline">
                {item.title}
              </Link>
              <span className="text-muted-foreground">{item.trackTitle}</span>
              <span title={formatDay(item.dueDay, place)} className={cx("rounded px-1.5 text-xs", item.overdue ? "bg-danger/10 font-medium text-danger" : "bg-surface-muted text-muted-foreground")}>
                {item.due}
              </span>
            </li>
          ))}
      </ul>
      {more > 0 ? <p className="text-sm text-muted-foreground">and {more} more on your roadmaps.</p> : null}
    </section>
  );
}
