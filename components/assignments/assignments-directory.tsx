"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, buttonStyles } from "@/components/ui/button";
import { LoadFailed, LoadingBlock, NextPageControls } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { useUrlView } from "@/components/ui/use-url-view";
import type { AssignmentIntent } from "./assignment-actions-menu";
import { newAssignmentHref } from "./assignments-api";
import { AssignmentsTable } from "./assignments-table";
import { AssignmentsToolbar } from "./assignments-toolbar";
import { isFiltered, NO_FILTERS, searchOf, viewFromSearchParams } from "./assignments-view";
import type { AssignmentsFilters } from "./assignments-view";
import { ChangeDueDateDialog } from "./change-due-date-dialog";
import { ChangeMentorsDialog } from "./change-mentors-dialog";
import { ConfirmArchiveDialog } from "./confirm-archive-dialog";
import type { AssignmentJson } from "./types";
import { useAssignments } from "./use-assignments";
import { useOrgPeople, useOrgTracks } from "./use-pickers";
import { useUpdateAssignment } from "./use-update-assignment";

/** Whose assignments the viewer sees (the API narrows the list the same way). */
export type AssignmentsScope = "all" | "mentored" | "own";

const INTRO: Record<AssignmentsScope, string> = {
  all: "Every track assigned in the organization, with each person's progress.",
  mentored: "The assignments you mentor, and your own.",
  own: "The tracks assigned to you, with your progress.",
};

/** The assignments page: filters and pages in the URL; managers assign and manage from here. */
export function AssignmentsDirectory({ slug, scope, canManage }: { slug: string; scope: AssignmentsScope; canManage: boolean }) {
  const { toast } = useToast();
  const [view, setView] = useUrlView(viewFromSearchParams, searchOf);
  const filters = useMemo<AssignmentsFilters>(
    () => ({ person: view.person, mentor: view.mentor, trackId: view.trackId, status: view.status, overdue: view.overdue }),
    [view.person, view.mentor, view.trackId, view.status, view.overdue],
  );
  const assignments = useAssignments(slug, filters);
  // A new hire filters by neither person nor mentor, and manages nothing: no member list to load.
  const people = useOrgPeople(slug, { enabled: scope !== "own" || canManage });
  const tracks = useOrgTracks(slug);
  const [intent, setIntent] = useState<{ assignment: AssignmentJson; kind: AssignmentIntent } | null>(null);
  const { mutate: updateAssignment } = useUpdateAssignment(slug);

  const setFilters = useCallback((next: Partial<AssignmentsFilters>) => setView({ ...next, pages: 1 }), [setView]);

  // Show as many pages as the URL asks for: after a reload, or on coming back.
  const loadedPages = assignments.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = assignments;
  useEffect(() => {
    if (loadedPages > 0 && loadedPages < view.pages && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) void fetchNextPage();
  }, [loadedPages, view.pages, hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]);

  // Stable, so the memoized rows do not re-render when the page state changes.
  const onIntent = useCallback(
    (assignment: AssignmentJson, kind: AssignmentIntent) => {
      if (kind !== "unarchive") return setIntent({ assignment, kind });
      updateAssignment(
        { assignment, update: { archived: false } },
        { onError: (error) => toast({ tone: "error", title: "It was not unarchived", description: error.message }) },
      );
    },
    [updateAssignment, toast],
  );

  const items = useMemo(() => assignments.data?.pages.flatMap((page) => page.items) ?? [], [assignments.data]);
  const closeDialog = useCallback(() => setIntent(null), []);
  // With nothing assigned yet, the empty state carries the call to action instead.
  const showAssign = canManage && !(assignments.isSuccess && items.length === 0 && !isFiltered(filters));

  return (
    <section aria-labelledby="assignments-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="assignments-heading" className="text-2xl font-semibold tracking-tight">
            Assignments
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">{INTRO[scope]}</p>
        </div>
        {showAssign ? (
          <Link href={newAssignmentHref(slug)} className={buttonStyles()}>
            Assign a track
          </Link>
        ) : null}
      </div>

      <AssignmentsToolbar filters={filters} onChange={setFilters} people={people.data?.items} tracks={tracks.data?.items} showPeopleFilters={scope !== "own"} />

      <p role="status" className="text-sm text-muted-foreground" aria-busy={assignments.isFetching || undefined}>
        {assignments.isPending
          ? "Loading assignments…"
          : assignments.isError
            ? ""
            : `Showing ${items.length} ${items.length === 1 ? "assignment" : "assignments"}${hasNextPage ? ", more below" : ""}.`}
      </p>

      {assignments.isError && !assignments.data ? (
        <LoadFailed what="assignments" message={assignments.error.message} onRetry={() => void assignments.refetch()} />
      ) : assignments.isPending ? (
        <LoadingBlock />
      ) : items.length === 0 ? (
        <EmptyState slug={slug} scope={scope} canManage={canManage} filtered={isFiltered(filters)} onClear={() => setFilters(NO_FILTERS)} />
      ) : (
        <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <AssignmentsTable slug={slug} assignments={items} canManage={canManage} onIntent={onIntent} />
        </div>
      )}

      <NextPageControls
        failure={isFetchNextPageError ? (assignments.error?.message ?? "unknown error") : null}
        showMore={hasNextPage && !isPlaceholderData}
        loading={isFetchingNextPage}
        onLoadMore={() => {
          setView({ pages: loadedPages + 1 });
          void fetchNextPage();
        }}
      />

      {intent?.kind === "mentors" ? <ChangeMentorsDialog key={intent.assignment.id} slug={slug} assignment={intent.assignment} people={people.data?.items} peopleFailed={people.isError} onClose={closeDialog} /> : null}
      {intent?.kind === "dueDate" ? <ChangeDueDateDialog key={intent.assignment.id} slug={slug} assignment={intent.assignment} onClose={closeDialog} /> : null}
      {intent?.kind === "archive" ? <ConfirmArchiveDialog key={intent.assignment.id} slug={slug} assignment={intent.assignment} onClose={closeDialog} /> : null}
    </section>
  );
}

function EmptyState({ slug, scope, canManage, filtered, onClear }: { slug: string; scope: AssignmentsScope; canManage: boolean; filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
        <p>No assignments match these filters.</p>
        <Button variant="secondary" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      {canManage ? (
        <>
          <p>No assignments yet. Assign a track to a new hire to start their onboarding; their mentors follow along here.</p>
          <Link href={newAssignmentHref(slug)} className={buttonStyles()}>
            Assign a track
          </Link>
        </>
      ) : scope === "own" ? (
        <p>Nothing is assigned to you yet. When a manager assigns you a track, it shows up here.</p>
      ) : (
        <p>No assignments yet. The ones you mentor, and any assigned to you, will show up here.</p>
      )}
    </div>
  );
}
