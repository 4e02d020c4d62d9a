"use client";

import { memo } from "react";
import { FilterSelect } from "@/components/assignments/filter-select";
import { personName } from "@/components/assignments/labels";
import type { VersionNode } from "@/components/assignments/skip-options";
import type { ReviewQueueFilters } from "@/components/evidence/evidence-api";
import type { OptionPerson } from "./queue-filter-options";

/**
 * The queue's filters: hire (the viewer's mentees; for owners and admins, the hires of any
 * assignment), track (those of the same assignments: published ones), and a section of that track (top-level
 * sections of its latest published version; stable keys carry across versions).
 * Lists still loading keep the URL's value as an option of its own, so a control
 * never claims a filter other than the one in effect.
 */
export const ReviewsToolbar = memo(function ReviewsToolbar({
  filters,
  onChange,
  hires,
  tracks,
  sections,
  reviewTargetDays,
  overdueCount,
}: {
  filters: ReviewQueueFilters;
  onChange: (next: Partial<ReviewQueueFilters>) => void;
  hires: OptionPerson[] | undefined;
  tracks: { id: string; title: string }[] | undefined;
  /** The chosen track's nodes; undefined while loading or without a track. */
  sections: VersionNode[] | undefined;
  /** The organization's review target in working days, and how many waiting attempts are past it (once the queue has loaded). */
  reviewTargetDays?: number;
  overdueCount?: number;
}) {
  const topSections = sections?.filter((node) => node.parentId === null && node.kind === "SECTION");
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <FilterSelect label="Hire" value={filters.assigneeId ?? ""} onChange={(event) => onChange({ assigneeId: event.target.value || null })}>
        <option value="">Anyone</option>
        {hires?.map((hire) => (
          <option key={hire.id} value={hire.id}>
            {personName(hire)}
          </option>
        ))}
        <Missing value={filters.assigneeId} known={hires?.some((hire) => hire.id === filters.assigneeId)} loading={hires === undefined} label="Someone no longer a mentee" />
      </FilterSelect>
      <FilterSelect label="Track" value={filters.trackId ?? ""} onChange={(event) => onChange({ trackId: event.target.value || null, sectionKey: null })}>
        <option value="">Any track</option>
        {tracks?.map((track) => (
          <option key={track.id} value={track.id}>
            {track.title}
          </option>
        ))}
        <Missing value={filters.trackId} known={tracks?.some((track) => track.id === filters.trackId)} loading={tracks === undefined} label="A track no longer listed" />
      </FilterSelect>
      <FilterSelect label="Section" value={filters.sectionKey ?? ""} disabled={!filters.trackId} onChange={(event) => onChange({ sectionKey: event.target.value || null })}>
        <option value="">{filters.trackId ? "Any section" : "Choose a track first"}</option>
        {topSections?.map((node) => (
          <option key={node.stableKey} value={node.stableKey}>
            {node.title}
          </option>
        ))}
        <Missing value={filters.sectionKey} known={topSections?.some((node) => node.stableKey === filters.sectionKey)} loading={topSections === undefined} label="A section no longer in the track" />
      </FilterSelect>
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" checked={filters.overdue === true} onChange={(event) => onChange({ overdue: event.target.checked || undefined })} />
        Only overdue
        {reviewTargetDays !== undefined ? (
          <span className="text-muted-foreground">
            (waiting more than {reviewTargetDays} working {reviewTargetDays === 1 ? "day" : "days"}
            {overdueCount !== undefined ? `: ${overdueCount} now` : ""})
          </span>
        ) : null}
      </label>
    </div>
  );
});

function Missing({ value, known, loading, label }: { value: string | null; known: boolean | undefined; loading: boolean; label: string }) {
  if (!value || known) return null;
  return <option value={value}>{loading ? "Loading…" : label}</option>;
}
