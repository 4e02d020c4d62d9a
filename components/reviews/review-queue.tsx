"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import { useAssignableVersion } from "@/components/assignments/use-assignable-version";
import { fetchReviewQueue, reviewQueueKey } from "@/components/evidence/evidence-api";
import type { ReviewQueueFilters } from "@/components/evidence/evidence-api";
import { COMMENT_REQUIRED } from "@/components/evidence/request-changes-form";
import type { ReviewBody, ReviewQueueEntryJson } from "@/components/evidence/types";
import { LoadFailed, LoadingBlock, NextPageControls } from "@/components/ui/load-states";
import { useLeaveWarning } from "@/components/ui/use-leave-warning";
import { useUrlView } from "@/components/ui/use-url-view";
import { QueueEmpty } from "./queue-empty";
import { QueueHeader } from "./queue-header";
import { isTypingTarget, queueCommand } from "./queue-keys";
import { QueueList } from "./queue-list";
import type { EntryHandlers } from "./queue-list";
import { commandIntent, INITIAL_QUEUE_STATE, listedEntries, queueReducer, requestToSend, selectedOf, shownEntries, unconfirmedCount } from "./queue-state";
import { waitingSummary, waitingTotal } from "./queue-summary";
import { entryDomId } from "./review-entry";
import { isFiltered, NO_FILTERS, searchOf, viewFromSearchParams } from "./reviews-view";
import { ReviewsToolbar } from "./reviews-toolbar";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useNowByMinute } from "./use-now";
import { useQueueFilterOptions } from "./use-queue-filter-options";
import type { QueueViewer } from "./use-queue-filter-options";
import { useReviewDecisions } from "./use-review-decisions";

interface Handlers {
  onKeyDown: (event: KeyboardEvent) => void;
  run: (entry: ReviewQueueEntryJson, body: ReviewBody, options?: { now?: boolean }) => void;
  sendRequest: (entry: ReviewQueueEntryJson) => void;
}

const focusCommentBox = (id: string) => document.querySelector<HTMLTextAreaElement>(`#${entryDomId(id)} textarea`)?.focus();

/**
 * The review queue: attempts waiting for the viewer, oldest first, filtered by
 * hire, track and section (in the URL), a page at a time. A decision turns the
 * entry into one line at once ("Approved · Undo", then "Saved"), held a few
 * seconds before it is sent (decision 0043); a refusal puts the entry back where
 * it was, with the reason and Retry on it; leaving the page with decisions not yet
 * confirmed asks first. The keyboard does it all (queue-keys.ts). What the page
 * keeps between answers is queue-state.ts's reducer; this wires it to the
 * queries, the writes (use-review-decisions.ts) and the DOM (focus, keys).
 */
export function ReviewQueue({ slug, viewer }: { slug: string; viewer: QueueViewer }) {
  const now = useNowByMinute();
  const [view, setView] = useUrlView(viewFromSearchParams, searchOf);
  const filters = useMemo<ReviewQueueFilters>(
    () => ({ assigneeId: view.assigneeId, trackId: view.trackId, sectionKey: view.sectionKey, ...(view.overdue ? { overdue: true } : {}) }),
    [view.assigneeId, view.trackId, view.sectionKey, view.overdue],
  );
  const queue = useInfiniteQuery({
    queryKey: [...reviewQueueKey(slug), filters],
    queryFn: ({ pageParam }) => fetchReviewQueue(slug, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const options = useQueueFilterOptions(slug, viewer);
  const version = useAssignableVersion(slug, filters.trackId ?? "");

  const [state, dispatch] = useReducer(queueReducer, INITIAL_QUEUE_STATE);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const loaded = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const entries = useMemo(() => shownEntries(loaded, state.hidden), [loaded, state.hidden]);
  const listed = useMemo(() => listedEntries(loaded, state), [loaded, state]);
  const shownIds = useMemo(() => entries.map((entry) => entry.attempt.id), [entries]);
  const selectedId = selectedOf(state, shownIds);
  const firstPage = queue.data?.pages[0];
  const total = waitingTotal(queue.data ? (firstPage?.total ?? 0) : null, loaded.length, entries.length);

  const setFilters = useCallback(
    (next: Partial<ReviewQueueFilters>) => {
      dispatch({ type: "clearConfirmed" });
      setView({ ...next, pages: 1 });
    },
    [setView],
  );

  // As many pages as the URL asks for (after a reload); and the next one when decisions emptied the ones on screen.
  const loadedPages = queue.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = queue;
  const wantMore = loadedPages > 0 && (loadedPages < view.pages || entries.length === 0);
  useEffect(() => {
    if (wantMore && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) void fetchNextPage();
  }, [wantMore, hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]);

  // The reducer says where focus goes (a neighbour after a decision, the heading when none is left); the DOM does it after the render.
  useEffect(() => {
    if (!state.focus) return;
    if (state.focus.id === null) headingRef.current?.focus();
    else document.getElementById(entryDomId(state.focus.id))?.focus();
  }, [state.focus]);

  // Focus follows a decision only when it was in the list (or nowhere), not when the reviewer is elsewhere on the page.
  const focusInList = () => {
    const active = document.activeElement;
    return !active || active === document.body || (listRef.current?.contains(active) ?? false);
  };

  // The latest render's handlers, for the one keydown listener, the stable entry handlers and a toast's Try again.
  const latest = useRef<Handlers | null>(null);
  // Retry (on the entry or in a toast) sends at once: the reviewer already had their chance to undo.
  const retry = useCallback((entry: ReviewQueueEntryJson, body: ReviewBody) => latest.current?.run(entry, body, { now: true }), []);
  const { hold, send, undo, approveChosen } = useReviewDecisions(slug, dispatch, retry);
  useLeaveWarning(unconfirmedCount(state) > 0, "Review decisions are not saved yet. Leave this page anyway?");

  /** Turns the entry into its decided line, moves the selection (and focus, if it was in the list) to its neighbour, and holds the decision (or sends it `now`). */
  function run(entry: ReviewQueueEntryJson, body: ReviewBody, { now = false }: { now?: boolean } = {}) {
    const index = Math.max(0, listed.findIndex((candidate) => candidate.attempt.id === entry.attempt.id));
    dispatch({ type: "takeOff", id: entry.attempt.id, shown: shownIds, moveFocus: focusInList(), decided: { body, entry, index } });
    if (now) void send(entry, body);
    else hold(entry, body);
  }

  function openRequest(entry: ReviewQueueEntryJson) {
    const id = entry.attempt.id;
    // A form already open keeps what was typed: the keyboard goes back into it.
    if (state.requests.has(id)) {
      dispatch({ type: "select", id });
      focusCommentBox(id);
    } else dispatch({ type: "openRequest", id });
  }

  function sendRequest(entry: ReviewQueueEntryJson) {
    const id = entry.attempt.id;
    const next = requestToSend(state, id);
    if (next.kind === "missing") {
      dispatch({ type: "requestError", id, error: COMMENT_REQUIRED });
      focusCommentBox(id);
    } else if (next.kind === "send") run(entry, { decision: "REQUEST_CHANGES", comment: next.comment });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
    // A dialog (these shortcuts' list, another) has the keyboard.
    if (document.querySelector("dialog[open]")) return;
    const command = queueCommand(event, focusInList());
    if (!command) return;
    event.preventDefault();
    const intent = commandIntent(state, shownIds, command);
    if (!intent) return;
    if (intent.kind === "help") return dispatch({ type: "help", open: true });
    if (intent.kind === "undo") return undo(intent.id);
    const entry = entries.find((candidate) => candidate.attempt.id === intent.id)!;
    if (intent.kind === "approve") return run(entry, { decision: "APPROVE" });
    if (intent.kind === "request") return openRequest(entry);
    dispatch({ type: "select", id: intent.id });
    document.getElementById(entryDomId(intent.id))?.focus();
  }

  useLayoutEffect(() => {
    latest.current = { onKeyDown, run, sendRequest };
  });
  // One listener for the page's life, calling the latest handler (it reads this render's list).
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current?.onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  // Stable, so entries that did not change are not rendered again.
  const handlers = useMemo<EntryHandlers>(
    () => ({
      onSelect: (id) => dispatch({ type: "select", id }),
      onChoose: (id, chosen) => dispatch({ type: "choose", id, chosen }),
      onApprove: (entry) => latest.current?.run(entry, { decision: "APPROVE" }),
      onOpenRequest: (entry) => dispatch({ type: "openRequest", id: entry.attempt.id }),
      onComment: (id, comment) => dispatch({ type: "comment", id, comment }),
      onSendRequest: (entry) => latest.current?.sendRequest(entry),
      onCancelRequest: (id) => dispatch({ type: "cancelRequest", id }),
      onRetry: (entry, body) => latest.current?.run(entry, body, { now: true }),
      onUndo: undo,
    }),
    [undo],
  );

  const filtered = isFiltered(filters);

  // Pages still to come are read before the queue is called empty.
  const moreToLoad = hasNextPage && !isFetchNextPageError;
  const queueEmpty = <QueueEmpty filtered={filtered} onClearFilters={() => setFilters(NO_FILTERS)} />;
  return (
    <section aria-labelledby="reviews-heading" className="flex flex-col gap-5">
      <QueueHeader headingRef={headingRef} onHelp={() => dispatch({ type: "help", open: true })} />

      <ReviewsToolbar
        filters={filters}
        onChange={setFilters}
        hires={options.data?.hires}
        tracks={options.data?.tracks}
        sections={filters.trackId ? version.tree.data?.nodes : undefined}
        reviewTargetDays={firstPage?.reviewTargetDays}
        overdueCount={firstPage?.overdueCount}
      />

      <p role="status" className="text-sm text-muted-foreground" aria-busy={queue.isFetching || undefined}>
        {queue.isPending ? "Loading the queue…" : queue.isError ? "" : waitingSummary({ total, shown: entries.length, filtered })}
      </p>

      {queue.isError && !queue.data ? (
        <LoadFailed what="review queue" message={queue.error.message} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <LoadingBlock />
      ) : listed.length === 0 ? (
        moreToLoad ? <LoadingBlock /> : queueEmpty
      ) : (
        <>
          <QueueList
            slug={slug}
            entries={entries}
            listed={listed}
            selectedId={selectedId}
            requests={state.requests}
            decisions={state.decisions}
            failures={state.failures}
            chosen={state.chosen}
            now={now}
            reviewTargetDays={firstPage?.reviewTargetDays ?? null}
            dimmed={isPlaceholderData}
            approving={approveChosen.isPending}
            listRef={listRef}
            handlers={handlers}
            onChooseAll={() => dispatch({ type: "chooseAll", ids: shownIds })}
            onApproveChosen={() => approveChosen.mutate(entries.filter((entry) => state.chosen.has(entry.attempt.id)))}
          />
          {/* Only decided lines left (they stay until the list is read again): say that nothing else waits. */}
          {entries.length === 0 && !moreToLoad ? queueEmpty : null}
        </>
      )}

      <NextPageControls
        failure={isFetchNextPageError ? (queue.error?.message ?? "unknown error") : null}
        showMore={hasNextPage && !isPlaceholderData && entries.length > 0}
        loading={isFetchingNextPage}
        onLoadMore={() => {
          setView({ pages: loadedPages + 1 });
          void fetchNextPage();
        }}
      />
      <ShortcutsDialog open={state.helpOpen} onClose={() => dispatch({ type: "help", open: false })} />
    </section>
  );
}
