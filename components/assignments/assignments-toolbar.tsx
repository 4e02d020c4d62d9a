"use client";

import { memo } from "react";
import type { MemberJson } from "@/components/members/types";
import type { TrackSummaryJson } from "@/components/tracks/types";
import { STATUSES } from "./assignments-view";
import type { AssignmentsFilters } from "./assignments-view";
import { FilterSelect } from "./filter-select";
import { personName, STATUS_LABEL } from "./labels";

/**
 * The list's filters. People and tracks come from whole-list queries that may
 * still be loading (or have failed): the selects then keep the value from the
 * URL, shown as an option of its own so the control never lies about the filter.
 */
// Memoized: with thousands of people in the selects, the toolbar re-renders only when its inputs change.
export const AssignmentsToolbar = memo(function AssignmentsToolbar({
  filters,
  onChange,
  people,
  tracks,
  showPeopleFilters,
}: {
  filters: AssignmentsFilters;
  onChange: (next: Partial<AssignmentsFilters>) => void;
  people: MemberJson[] | undefined;
  tracks: TrackSummaryJson[] | undefined;
  /** A new hire sees only their own assignments: filtering by person or mentor would be noise. */
  showPeopleFilters: boolean;
}) {
  const mentors = people?.filter((member) => member.role !== "MEMBER" || member.user.id === filters.mentor);
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
      {showPeopleFilters ? (
        <>
          <FilterSelect label="Person" value={filters.person ?? ""} onChange={(event) => onChange({ person: event.target.value || null })}>
            <option value="">Anyone</option>
            <PeopleOptions people={people} selected={filters.person} />
          </FilterSelect>
          <FilterSelect label="Mentor" value={filters.mentor ?? ""} onChange={(event) => onChange({ mentor: event.target.value || null })}>
            <option value="">Any mentor</option>
            <PeopleOptions people={mentors} selected={filters.mentor} />
          </FilterSelect>
        </>
      ) : null}
      <FilterSelect label="Track" value={filters.trackId ?? ""} onChange={(event) => onChange({ trackId: event.target.value || null })}>
        <option value="">Any track</option>
        {tracks?.map((track) => (
          <option key={track.id} value={track.id}>
            {track.title}
          </option>
        ))}
        <MissingOption known={tracks?.some((track) => track.id === filters.trackId)} value={filters.trackId} loading={tracks === undefined} label="A track no longer listed" />
      </FilterSelect>
      <FilterSelect label="Status" value={filters.status ?? ""} onChange={(event) => onChange({ status: (event.target.value || null) as AssignmentsFilters["status"] })}>
        <option value="">Active and completed</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABEL[status]}
          </option>
        ))}
      </FilterSelect>
      <label className="flex h-10 items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={filters.overdue} onChange={(event) => onChange({ overdue: event.target.checked })} className="size-4 accent-primary" />
        Overdue only
      </label>
    </div>
  );
});

function PeopleOptions({ people, selected }: { people: MemberJson[] | undefined; selected: string | null }) {
  return (
    <>
      {people?.map((member) => (
        <option key={member.id} value={member.user.id}>
          {personName(member.user)}
          {member.status === "SUSPENDED" ? " (suspended)" : ""}
        </option>
      ))}
      <MissingOption known={people?.some((member) => member.user.id === selected)} value={selected} loading={people === undefined} label="Someone no longer a member" />
    </>
  );
}

/** The URL's value when the list does not (yet) hold it. */
function MissingOption({ known, value, loading, label }: { known: boolean | undefined; value: string | null; loading: boolean; label: string }) {
  if (!value || known) return null;
  return <option value={value}>{loading ? "Loading…" : label}</option>;
}
