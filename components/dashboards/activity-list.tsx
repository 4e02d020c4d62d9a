"use client";

import Link from "next/link";
import type { Ref } from "react";
import { assignmentHref } from "@/components/assignments/assignments-api";
import { timeAgo } from "@/components/notifications/time-ago";
import { useNowByMinute } from "@/components/reviews/use-now";
import type { ActivityEntryJson } from "./dashboards-api";
import { formatDateTime } from "@/lib/time/format";

const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

/** Where a line leads: its item on the roadmap with the item's panel open, or the roadmap for the assignment's own events. */
export const activityHref = (slug: string, entry: Pick<ActivityEntryJson, "assignmentId" | "itemKey">) =>
  `${assignmentHref(slug, entry.assignmentId)}${entry.itemKey ? `?item=${encodeURIComponent(entry.itemKey)}&open=1` : ""}`;

/**
 * Activity lines as sentences linking to their item (panel open) or assignment, each with its time
 * (a line may stand for several events: the server merges a person's rapid changes).
 * The hire is named after the sentence when it does not name them: someone else
 * acted (a mentor's review, a manager's upgrade), or the track was completed (that
 * sentence names nobody).
 */
export function ActivityList({ slug, entries, label, listRef }: { slug: string; entries: ActivityEntryJson[]; label: string; listRef?: Ref<HTMLOListElement> }) {
  const now = useNowByMinute();
  return (
    <ol ref={listRef} aria-label={label} className="flex flex-col gap-2">
      {entries.map((entry) => (
        <li key={entry.sequence} className="text-sm">
          <Link href={activityHref(slug, entry)} className="text-link underline-offset-2 hover:underline">
            {entry.text}
          </Link>
          {entry.hire && (entry.hire.id !== entry.actor?.id || entry.type === "assignment.completed") ? (
            <span className="text-muted-foreground"> · {personName(entry.hire)}’s roadmap</span>
          ) : null}{" "}
          {/* Relative times need the clock, which the server render does not have (useNowByMinute is 0 there). */}
          <time dateTime={entry.at} title={now === 0 ? undefined : formatDateTime(entry.at)} className="text-xs text-muted-foreground">
            {now === 0 ? "" : timeAgo(new Date(entry.at), new Date(now))}
          </time>
        </li>
      ))}
    </ol>
  );
}
