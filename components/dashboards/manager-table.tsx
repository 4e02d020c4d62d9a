"use client";

import Link from "next/link";
import { ProgressBar } from "@/components/assignments/progress-bar";
import { timeAgo } from "@/components/notifications/time-ago";
import type { ManagerRowJson, ManagerSort } from "./manager-api";
import { NudgeButton } from "@/components/reminders/nudge-button";
import { FlagPill } from "./flag-pill";

const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

const COLUMNS: Array<{ key: ManagerSort | null; label: string }> = [
  { key: "hire", label: "Hire" },
  { key: null, label: "Track and mentors" },
  { key: "progress", label: "Progress" },
  { key: "due", label: "Due" },
  { key: "forecast", label: "Forecast finish" },
  { key: "lastActive", label: "Last active" },
  { key: null, label: "Flags and nudge" },
];

/**
 * A page of the chosen assignments, in the order the server sorted them: the
 * column headers' buttons ask for another order (aria-sort says which is on).
 */
export function ManagerTable({
  slug,
  rows,
  now,
  sort,
  order,
  onSort,
}: {
  slug: string;
  rows: ManagerRowJson[];
  now: number;
  sort: ManagerSort;
  order: "asc" | "desc";
  onSort: (sort: ManagerSort, order: "asc" | "desc") => void;
}) {
  const toggle = (key: ManagerSort) => onSort(key, sort === key && order === "asc" ? "desc" : "asc");
  return (
    <div className="overflow-x-auto rounded-xl border border-border">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Active assignments</caption>
        <thead className="bg-surface-muted">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" aria-sort={column.key && sort === column.key ? (order === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 font-medium whitespace-nowrap">
                {column.key ? (
                  <button type="button" onClick={() => toggle(column.key!)} className="inline-flex items-center gap-1 rounded hover:underline touch:min-h-11 focus-visible:outline-2 focus-visible:outline-ring">
                    {column.label}
                    <span aria-hidden="true">{sort === column.key ? (order === "asc" ? "▲" : "▼") : ""}</span>
                  </button>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = personName(row.assignee);
            return (
              <tr key={row.id} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/o/${slug}/assignments/${row.id}`} className="text-link underline-offset-2 hover:underline">
                    {name}
                  </Link>
                  <div className="text-xs font-normal text-muted-foreground">Started {row.startDate}</div>

                </th>
                <td className="px-3 py-2">
                  {row.track.title}
                  <div className="text-xs text-muted-foreground">{row.mentors.map(personName).join(", ") || "No mentor"}</div>
                </td>
                <td className="px-3 py-2">
                  <ProgressBar progress={row.progress} label={`${name}’s progress on ${row.track.title}`} />
                </td>
                <td className={row.flags.overdue ? "px-3 py-2 font-medium whitespace-nowrap text-danger" : "px-3 py-2 whitespace-nowrap"}>{row.dueDate ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.forecast.finishDate ?? "Not enough done yet"}
                  {row.forecast.onTrack === false ? <div className="text-xs font-medium text-danger">After the due date</div> : null}
                  {row.forecast.minutesPerDay !== undefined && row.forecast.finishDate ? (
                    <div className="text-xs text-muted-foreground">{row.forecast.minutesPerDay} estimated min a day</div>
                  ) : row.forecast.perWeek !== null && row.forecast.finishDate ? (
                    <div className="text-xs text-muted-foreground">{row.forecast.perWeek} items a week</div>
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{row.lastActivityAt ? (now === 0 ? "" : timeAgo(new Date(row.lastActivityAt), new Date(now))) : "Never"}</td>
                <td className="px-3 py-2">
                  <ul aria-label={`Flags for ${name}`} className="flex flex-wrap gap-1 text-xs">
                    {row.flags.stuck ? <FlagPill title={row.flags.stuckReason ?? "Stuck"}>Stuck</FlagPill> : null}
                    {row.flags.overdue ? <FlagPill title={`Due ${row.dueDate}`}>Overdue</FlagPill> : null}
                    {row.flags.unanswered ? <FlagPill title="Changes were requested and not answered yet">Changes unanswered</FlagPill> : null}
                  </ul>
                  {row.flags.stuckReason ? <div className="mt-1 text-xs text-muted-foreground">{row.flags.stuckReason}</div> : null}
                  <div className="mt-1">
                    <NudgeButton slug={slug} assignmentId={row.id} hireName={name} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
