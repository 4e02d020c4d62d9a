"use client";

import { ResponsiveTimeRange } from "@nivo/calendar";
import type { CalendarTooltipProps } from "@nivo/calendar";
import { useMemo } from "react";
import { chartData, chartRange, formatDay } from "./activity-days-view";
import type { ActivityDaysJson } from "./dashboards-api";

/*
 * Colours are the theme's CSS variables (app/globals.css): nivo writes them into
 * `style` (fill, stroke), where var() and color-mix() resolve, so the chart follows
 * the light/dark class on <html> without reading it in JavaScript. Darker means more.
 */
const LEVELS = [30, 55, 80, 100].map((percent) => `color-mix(in oklab, var(--primary) ${percent}%, var(--surface))`);
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const THEME = {
  text: { fill: "var(--muted-foreground)", fontSize: 11 },
  labels: { text: { fill: "var(--muted-foreground)", fontSize: 11 } },
  tooltip: { container: { background: "var(--surface)", color: "var(--foreground)", fontSize: 12, border: "1px solid var(--border)" } },
};

function DayTooltip({ day, value }: CalendarTooltipProps) {
  return (
    <span>
      <strong>{value}</strong> {value === "1" ? "change" : "changes"} on {formatDay(day)}
    </span>
  );
}

/**
 * The days as a GitHub-like strip of weeks (nivo's TimeRange: exactly the range,
 * where the year Calendar would also draw the months outside it as empty). Loaded
 * only in the browser (next/dynamic, ssr: false): it measures its box, which the
 * server cannot, so nothing of it is rendered there to mismatch on hydration.
 */
export default function ActivityCalendarChart({ answer }: { answer: ActivityDaysJson }) {
  const range = useMemo(() => chartRange(answer.from, answer.to), [answer.from, answer.to]);
  const data = useMemo(() => chartData(answer.days), [answer.days]);
  return (
    <ResponsiveTimeRange
      data={data}
      from={range.from}
      to={range.to}
      minValue={0}
      colors={LEVELS}
      emptyColor="var(--border)"
      dayBorderWidth={0}
      dayRadius={2}
      daySpacing={3}
      weekdayLegendOffset={32}
      weekdayTicks={[1, 3, 5]}
      weekdays={WEEKDAYS}
      margin={{ top: 24, right: 8, bottom: 4, left: 8 }}
      theme={THEME}
      tooltip={DayTooltip}
      // The figure around it is hidden from assistive technology; the table beside it is the accessible form.
      role="presentation"
    />
  );
}
