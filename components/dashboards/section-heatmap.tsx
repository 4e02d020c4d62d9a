"use client";

import { ResponsiveHeatMap } from "@nivo/heatmap";
import { useId, useMemo, useState } from "react";
import { heatmapRows } from "@/lib/dashboards/heatmap";
import type { HeatmapGrouping } from "@/lib/dashboards/heatmap";
import type { ManagerDashboardJson } from "./manager-api";

/** Past this many hires a row each stops being readable: cohorts are shown first (by hire shows the table's page). */
const HIRE_ROWS_MAX = 30;
const ROW_HEIGHT = 30;
const TOP_MARGIN = 110;

const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;
const shortTitle = (title: string) => (title.length > 22 ? `${title.slice(0, 21)}…` : title);

// Text on a cell: dark on light blues, white on dark ones (the "blues" scale darkens with the value).
const labelColor = (cell: { value: number | null }) => (cell.value !== null && cell.value >= 55 ? "#ffffff" : "#0f172a");

const THEME = {
  text: { fill: "var(--foreground)" },
  axis: { ticks: { text: { fill: "var(--muted-foreground)", fontSize: 11 } } },
  tooltip: { container: { background: "var(--surface)", color: "var(--foreground)", fontSize: 12 } },
};

/**
 * Where people stall: a track's sections across its hires (or cohorts), each cell
 * the percent done. Drawn with nivo's heatmap (an image to assistive technology,
 * with a summary); the same figures are in a table under it.
 */
export function SectionHeatmap({
  track,
  pageRows,
  cohorts,
}: {
  track: ManagerDashboardJson["tracks"][number];
  /** The hires of this track on the table's page (rows "by hire"). */
  pageRows: ManagerDashboardJson["assignments"];
  /** Every chosen hire of this track, averaged per cohort by the server (rows "by cohort"). */
  cohorts: ManagerDashboardJson["heatmap"][number]["cohorts"];
}) {
  const hires = cohorts.reduce((sum, cohort) => sum + cohort.hires, 0);
  const [grouping, setGrouping] = useState<HeatmapGrouping>(hires > HIRE_ROWS_MAX ? "cohort" : "hire");
  const headingId = useId();
  const summaryId = useId();
  const lines = useMemo(
    () => (grouping === "cohort" ? cohorts : heatmapRows(track.sections, pageRows.map((row) => ({ id: row.id, hire: personName(row.assignee), cohort: row.cohort, percents: row.sectionPercents })), "hire")),
    [track.sections, pageRows, cohorts, grouping],
  );
  const data = useMemo(() => lines.map((line) => ({ id: line.label, data: track.sections.map((section, index) => ({ x: shortTitle(section.title), y: line.values[index] ?? null })) })), [lines, track.sections]);
  const stalls = lowestSection(track.sections, lines);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h3 id={headingId} className="font-semibold">
          {track.title}
        </h3>
        <fieldset className="flex gap-3 text-sm">
          <legend className="sr-only">Rows of the {track.title} heatmap</legend>
          {(["hire", "cohort"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name={`${headingId}-grouping`} value={value} checked={grouping === value} onChange={() => setGrouping(value)} />
              {value === "hire" ? "By hire" : "By cohort"}
            </label>
          ))}
        </fieldset>
      </div>
      <p id={summaryId} className="text-sm text-muted-foreground">
        Percent of each section done, {grouping === "hire" ? `for the ${lines.length} ${lines.length === 1 ? "hire" : "hires"} on this page of the table` : `averaged over each start month's hires (${hires} in all)`}.
        {stalls ? ` Lowest: ${stalls.title} (${stalls.average}% on average).` : ""}
      </p>
      <div style={{ height: TOP_MARGIN + lines.length * ROW_HEIGHT + 10 }} className="w-full overflow-hidden">
        <ResponsiveHeatMap
          data={data}
          // Room on the right for the last rotated column labels.
          margin={{ top: TOP_MARGIN, right: 90, bottom: 10, left: 150 }}
          colors={{ type: "sequential", scheme: "blues", minValue: 0, maxValue: 100 }}
          emptyColor="#d4d4d8"
          valueFormat={(value) => `${value}%`}
          labelTextColor={labelColor}
          axisTop={{ tickSize: 4, tickPadding: 4, tickRotation: -40 }}
          axisLeft={{ tickSize: 4, tickPadding: 4, format: (label: string) => shortTitle(label) }}
          theme={THEME}
          animate={false}
          hoverTarget="cell"
          role="img"
          ariaLabel={`Heatmap of ${track.title}: percent done per section`}
          ariaDescribedBy={summaryId}
        />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">The heatmap as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left">
            <caption className="sr-only">
              {track.title}: percent done per section, {grouping === "hire" ? "by hire" : "by cohort"}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {grouping === "hire" ? "Hire" : "Cohort"}
                </th>
                {track.sections.map((section) => (
                  <th key={section.key} scope="col" className="py-1 pr-3 font-medium">
                    {section.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} className="border-t border-border">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {line.label}
                  </th>
                  {line.values.map((value, index) => (
                    <td key={track.sections[index]!.key} className="py-1 pr-3 tabular-nums">
                      {value === null ? "—" : `${value}%`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** The section with the lowest average over the rows shown: the headline of "where people stall". */
function lowestSection(sections: ReadonlyArray<{ key: string; title: string }>, lines: ReadonlyArray<{ values: Array<number | null> }>) {
  let lowest: { title: string; average: number } | null = null;
  sections.forEach((section, index) => {
    const values = lines.map((line) => line.values[index]).filter((value): value is number => value !== null && value !== undefined);
    if (values.length === 0) return;
    const average = Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
    if (lowest === null || average < lowest.average) lowest = { title: section.title, average };
  });
  return lowest as { title: string; average: number } | null;
}
