"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect, useRef } from "react";
import { LazyPartBoundary } from "@/components/ui/lazy-part-boundary";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { activitySummary, tableRows } from "./activity-days-view";
import { activityDaysKey, fetchActivityDays } from "./dashboards-api";
import type { ActivityDaysJson } from "./dashboards-api";

const CHART_HEIGHT = "h-40";

// The chart (nivo and d3) loads only in the browser and only here; see activity-calendar-chart.tsx.
const loadChart = () => import("./activity-calendar-chart");
const ActivityCalendarChart = dynamic(loadChart, {
  ssr: false,
  loading: () => <div className={`${CHART_HEIGHT} animate-pulse rounded-lg bg-surface-muted motion-reduce:animate-none`} />,
});

/**
 * A person's active days over the last 12 months: a sentence, the heatmap, and
 * the same days as a table (the chart itself says nothing to a screen reader).
 * Its key sits under activityKey, so live events about the assignments the viewer
 * follows (the hire's own among them) bring it up to date.
 */
export function ActivityCalendar({ slug, userId, heading }: { slug: string; userId: string; heading: string }) {
  const days = useQuery({ queryKey: activityDaysKey(slug, userId), queryFn: () => fetchActivityDays(slug, userId) });
  // Fetched with the page, not when the first active day appears: a live event can bring that
  // day while the server is restarting, when the chunk could not be fetched.
  useEffect(() => {
    void loadChart().catch(() => undefined);
  }, []);
  return (
    <section aria-labelledby="activity-calendar-heading" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <h2 id="activity-calendar-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {days.isPending ? (
        <>
          <LoadingStatus>Loading the activity calendar…</LoadingStatus>
          <div className={`${CHART_HEIGHT} animate-pulse rounded-lg bg-surface-muted motion-reduce:animate-none`} aria-hidden="true" />
        </>
      ) : days.isError ? (
        <LoadFailed what="activity calendar" message={days.error.message} onRetry={() => void days.refetch()} />
      ) : (
        <CalendarBody answer={days.data} />
      )}
    </section>
  );
}

function CalendarBody({ answer }: { answer: ActivityDaysJson }) {
  const summary = activitySummary(answer);
  const empty = answer.days.length === 0;
  // On a narrow screen the year scrolls sideways: start at its end, where today is (once the chart's box is there).
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, [empty]);
  if (empty) return <p className="text-sm text-muted-foreground">{summary}. Checked items, evidence and comments show up here by day.</p>;
  const rows = tableRows(answer.days);
  return (
    <>
      <figure className="flex flex-col gap-2">
        <figcaption className="text-sm">{summary}.</figcaption>
        <div ref={scroller} aria-hidden="true" className="overflow-x-auto">
          <div className={`${CHART_HEIGHT} min-w-[36rem]`}>
            <LazyPartBoundary what="activity chart">
              <ActivityCalendarChart answer={answer} />
            </LazyPartBoundary>
          </div>
        </div>
      </figure>
      <details className="text-sm">
        <summary>Active days as a table</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <caption className="sr-only">Changes per day (UTC), newest first</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-1 pr-4 font-medium">
                Day
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Changes
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day} className="border-b border-border last:border-0">
                <th scope="row" className="py-1 pr-4 font-normal">
                  <time dateTime={row.day}>{row.label}</time>
                </th>
                <td className="py-1 text-right tabular-nums">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
