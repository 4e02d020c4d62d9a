"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect } from "react";
import { FilterSelect } from "@/components/assignments/filter-select";
import { Button } from "@/components/ui/button";
import { LazyPartBoundary } from "@/components/ui/lazy-part-boundary";
import { useNowByMinute } from "@/components/reviews/use-now";
import { LoadFailed, LoadingBlock, LoadingStatus } from "@/components/ui/load-states";
import { useUrlView } from "@/components/ui/use-url-view";
import { fetchManagerDashboard, managerDashboardKey, managerExportUrl } from "./manager-api";
import type { ManagerDashboardJson, ManagerFilters, ManagerSort, ManagerView } from "./manager-api";
import { ManagerTable } from "./manager-table";
import { managerSearchOf, managerViewFromSearchParams } from "./manager-view";

// The chart library measures the page: drawn in the browser only, and loaded only when there is something to draw.
const loadHeatmap = () => import("./section-heatmap");
const SectionHeatmap = dynamic(() => loadHeatmap().then((module) => module.SectionHeatmap), {
  ssr: false,
  loading: () => <LoadingBlock />,
});

const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;
const hoursText = (hours: number | null) => (hours === null ? "—" : hours < 48 ? `${hours} h` : `${Math.round((hours / 24) * 10) / 10} days`);

/**
 * The manager's overview: every active assignment with progress, forecast and
 * flags (a page of the table at a time, sorted by the server), where people stall
 * (a heatmap per track), review times, the view kept in the URL and a CSV of all
 * the chosen rows. Live events keep it current.
 */
export function ManagerDashboard({ slug }: { slug: string }) {
  const now = useNowByMinute();
  const [view, setView] = useUrlView(managerViewFromSearchParams, managerSearchOf);
  const dashboard = useQuery({
    queryKey: [...managerDashboardKey(slug), view],
    queryFn: () => fetchManagerDashboard(slug, view),
    placeholderData: keepPreviousData,
  });
  // Another filter or order starts again at the first page.
  const choose = useCallback((next: Partial<ManagerFilters>) => setView({ ...next, page: 1 }), [setView]);
  const sortBy = useCallback((sort: ManagerSort, order: "asc" | "desc") => setView({ sort, order, page: 1 }), [setView]);
  // The heatmap's code is fetched with the page, not when the first assignment arrives live
  // (perhaps while the server restarts); LazyPartBoundary covers a drop during the page's own load.
  useEffect(() => {
    void loadHeatmap().catch(() => undefined);
  }, []);
  const data = dashboard.data;
  const filtered = Boolean(view.track || view.mentor || view.cohort);
  return (
    <div className="flex flex-col gap-6">
      <Toolbar slug={slug} view={view} choices={data?.filters} onChange={choose} />
      {dashboard.isPending ? (
        <LoadingStatus block>Loading the dashboard…</LoadingStatus>
      ) : dashboard.isError ? (
        <LoadFailed what="dashboard" message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div className={dashboard.isPlaceholderData ? "flex flex-col gap-6 opacity-60 transition-opacity" : "flex flex-col gap-6"} aria-busy={dashboard.isPlaceholderData}>
          <Summary data={data!} />
          {data!.page.total === 0 ? (
            <p className="rounded-xl border border-dashed border-border p-6 text-sm text-muted-foreground">
              {filtered ? "No active assignment matches these filters." : "No active assignments yet. Assign a track to see progress here."}
            </p>
          ) : (
            <>
              <section aria-labelledby="assignments-table-heading" className="flex flex-col gap-3">
                <h2 id="assignments-table-heading" className="text-lg font-semibold">
                  Assignments
                </h2>
                <ManagerTable slug={slug} rows={data!.assignments} now={now} sort={view.sort} order={view.order} onSort={sortBy} />
                <Pager page={data!.page} onPage={(page) => setView({ page })} />
              </section>
              <section aria-labelledby="heatmap-heading" className="flex flex-col gap-3">
                <h2 id="heatmap-heading" className="text-lg font-semibold">
                  Where people stall
                </h2>
                <LazyPartBoundary what="heatmap">
                  {data!.tracks.map((track) => (
                    <SectionHeatmap
                      key={track.id}
                      track={track}
                      pageRows={data!.assignments.filter((row) => row.track.id === track.id)}
                      cohorts={data!.heatmap.find((entry) => entry.trackId === track.id)?.cohorts ?? []}
                    />
                  ))}
                </LazyPartBoundary>
              </section>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function Toolbar({ slug, view, choices, onChange }: { slug: string; view: ManagerView; choices: ManagerDashboardJson["filters"] | undefined; onChange: (next: Partial<ManagerFilters>) => void }) {
  // A value from the URL stays an option while the choices load, so the control never shows another filter than the one in effect.
  const keep = (value: string | null, known: boolean | undefined) => (value && !known ? <option value={value}>{choices ? "No longer in use" : "…"}</option> : null);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-0 flex-1 grid-cols-1 gap-3 sm:grid-cols-3">
        <FilterSelect label="Track" value={view.track ?? ""} onChange={(event) => onChange({ track: event.target.value || null })}>
          <option value="">Every track</option>
          {choices?.tracks.map((track) => (
            <option key={track.id} value={track.id}>
              {track.title}
            </option>
          ))}
          {keep(view.track, choices?.tracks.some((track) => track.id === view.track))}
        </FilterSelect>
        <FilterSelect label="Mentor" value={view.mentor ?? ""} onChange={(event) => onChange({ mentor: event.target.value || null })}>
          <option value="">Any mentor</option>
          {choices?.mentors.map((mentor) => (
            <option key={mentor.id} value={mentor.id}>
              {personName(mentor)}
            </option>
          ))}
          {keep(view.mentor, choices?.mentors.some((mentor) => mentor.id === view.mentor))}
        </FilterSelect>
        <FilterSelect label="Cohort (start month)" value={view.cohort ?? ""} onChange={(event) => onChange({ cohort: event.target.value || null })}>
          <option value="">Every cohort</option>
          {choices?.cohorts.map((cohort) => (
            <option key={cohort} value={cohort}>
              {cohort}
            </option>
          ))}
          {keep(view.cohort, choices?.cohorts.includes(view.cohort ?? ""))}
        </FilterSelect>
      </div>
      <a
        href={managerExportUrl(slug, view)}
        download
        className="inline-flex h-10 items-center rounded-md border border-border-strong bg-surface px-4 text-sm font-medium hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-ring touch:h-11"
      >
        Export CSV
      </a>
    </div>
  );
}

/** "31–60 of 1,000" and the way to the pages either side; the page is in the URL. */
function Pager({ page, onPage }: { page: ManagerDashboardJson["page"]; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  // Also past the last page (a filter or a reload left the URL there): the way back stays.
  if (pages === 1 && page.number === 1) return null;
  const first = Math.min(page.total, (page.number - 1) * page.size + 1);
  const last = Math.min(page.total, page.number * page.size);
  return (
    <nav aria-label="Pages of assignments" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">
        {first > page.total ? "No assignments on this page" : `${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${page.total.toLocaleString("en")}`}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page.number <= 1} onClick={() => onPage(Math.min(page.number - 1, pages))}>
          Previous page
        </Button>
        <Button variant="secondary" size="sm" disabled={page.number >= pages} onClick={() => onPage(page.number + 1)}>
          Next page
        </Button>
      </div>
    </nav>
  );
}

function Summary({ data }: { data: ManagerDashboardJson }) {
  const tiles: Array<{ label: string; value: string; hint?: string; alert?: boolean }> = [
    { label: "Active assignments", value: String(data.summary.assignments) },
    { label: "Average progress", value: data.summary.averagePercent === null ? "—" : `${data.summary.averagePercent}%` },
    { label: "Overdue", value: String(data.summary.overdue), alert: data.summary.overdue > 0 },
    { label: "Stuck", value: String(data.summary.stuck), hint: `An item in progress, or no activity, for over ${data.stuckAfterDays} days`, alert: data.summary.stuck > 0 },
    { label: "Changes unanswered", value: String(data.summary.unanswered), alert: data.summary.unanswered > 0 },
    { label: "Median time to first review", value: hoursText(data.reviews.firstReviewMedianHours), hint: `Over ${data.reviews.firstReviews} first ${data.reviews.firstReviews === 1 ? "submission" : "submissions"}` },
    { label: "Waiting for review", value: String(data.reviews.waiting), hint: data.reviews.waiting > 0 ? `Median wait ${hoursText(data.reviews.waitingMedianHours)}` : undefined },
  ];
  return (
    <dl aria-label="Summary" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {tiles.map((tile) => (
        <div key={tile.label} className="flex flex-col gap-1 rounded-xl border border-border bg-surface p-3">
          <dt className="text-xs text-muted-foreground">{tile.label}</dt>
          <dd className={tile.alert ? "text-xl font-semibold text-danger tabular-nums" : "text-xl font-semibold tabular-nums"}>{tile.value}</dd>
          {tile.hint ? <dd className="text-xs text-muted-foreground">{tile.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
