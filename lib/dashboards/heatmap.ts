/**
 * The heatmap's rows for one track (pure; the browser draws them and shows them
 * as a table too): per hire, each section's percent; or per cohort (start
 * month), each section's average over its hires, which is what shows where a
 * whole intake stalls once there are too many hires to read one by one.
 */
export interface HeatmapSection {
  key: string;
  title: string;
}

export interface HeatmapInput {
  id: string;
  hire: string;
  cohort: string;
  /** One per section, in the track's order: a percent, or null when nothing there counts. */
  percents: ReadonlyArray<number | null>;
}

export interface HeatmapRow {
  id: string;
  label: string;
  /** How many hires the row stands for. */
  hires: number;
  /** One per section, in the track's order: a percent, or null when nothing there counts. */
  values: Array<number | null>;
}

export type HeatmapGrouping = "hire" | "cohort";

export function heatmapRows(sections: readonly HeatmapSection[], inputs: readonly HeatmapInput[], grouping: HeatmapGrouping): HeatmapRow[] {
  if (grouping === "hire") {
    // Labels name the rows on the chart's axis, so two hires of the same name are told apart.
    const seen = new Map<string, number>();
    return inputs.map((input) => {
      const count = (seen.get(input.hire) ?? 0) + 1;
      seen.set(input.hire, count);
      return { id: input.id, label: count === 1 ? input.hire : `${input.hire} (${count})`, hires: 1, values: sections.map((_, index) => input.percents[index] ?? null) };
    });
  }
  const cohorts = new Map<string, HeatmapInput[]>();
  for (const input of inputs) cohorts.set(input.cohort, [...(cohorts.get(input.cohort) ?? []), input]);
  return [...cohorts.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([cohort, members]) => ({
      id: cohort,
      label: `${cohort} (${members.length} ${members.length === 1 ? "hire" : "hires"})`,
      hires: members.length,
      values: sections.map((_, index) => {
        const values = members.map((member) => member.percents[index] ?? null).filter((value): value is number => value !== null);
        return values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
      }),
    }));
}
