"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InfiniteData } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useAssignableVersion } from "@/components/assignments/use-assignable-version";
import { useOrgPeople, useOrgTracks } from "@/components/assignments/use-pickers";
import { approveAttempts, fetchReviewQueue, reviewAttempt, reviewCountKey, reviewQueueKey } from "@/components/evidence/evidence-api";
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import type { ReviewQueueFilters } from "@/components/evidence/evidence-api";
import { withoutQueueEntry } from "@/components/evidence/evidence-cache";
import { describeReviewFailure } from "@/components/evidence/evidence-errors";
import { personName } from "@/components/evidence/evidence-labels";
import { syncAfterReview } from "@/components/evidence/evidence-sync";
import { COMMENT_REQUIRED } from "@/components/evidence/request-changes-form";
import type { ReviewBody, ReviewQueueEntryJson, ReviewQueueJson } from "@/components/evidence/types";
import { Button } from "@/components/ui/button";
import { LoadFailed, LoadingBlock, NextPageControls } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { useUrlView } from "@/components/ui/use-url-view";
import { ApiError } from "@/lib/http/api-client";
import { isTypingTarget, movedIndex, queueCommand } from "./queue-keys";
import { entryDomId, ReviewEntry } from "./review-entry";
import type { EntryRequest } from "./review-entry";
import { isFiltered, NO_FILTERS, searchOf, viewFromSearchParams } from "./reviews-view";
import { ReviewsToolbar } from "./reviews-toolbar";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useNowByMinute } from "./use-now";

interface Decision {
  entry: ReviewQueueEntryJson;
  body: ReviewBody;
}

type QueueData = InfiniteData<ReviewQueueJson, string | null>;

const isRetryable = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * The review queue: attempts waiting for the viewer, oldest first, filtered by
 * hire, track and section (in the URL), a page at a time. A decision takes the
 * entry off the list at once; a refusal puts it back where it was, with the
 * reason in a toast. The keyboard does it all (queue-keys.ts).
 */
export function ReviewQueue({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
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
  const people = useOrgPeople(slug);
  const tracks = useOrgTracks(slug);
  const version = useAssignableVersion(slug, filters.trackId ?? "");

  // Entries decided in this tab: off the list while the server answers, and after.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [requests, setRequests] = useState<ReadonlyMap<string, EntryRequest>>(() => new Map());
  const [helpOpen, setHelpOpen] = useState(false);
  // Ticked for "Approve chosen" (ids of entries still on the list count).
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [focusRequest, setFocusRequest] = useState<{ id: string | null; nonce: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const loaded = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const entries = useMemo(() => loaded.filter((entry) => !hidden.has(entry.attempt.id)), [loaded, hidden]);
  const selected = entries.find((entry) => entry.attempt.id === selectedId) ?? entries[0] ?? null;
  // The server's count, less what this tab took off and the server has not confirmed yet.
  const total = queue.data ? Math.max(0, (queue.data.pages[0]?.total ?? 0) - (loaded.length - entries.length)) : null;

  const setFilters = useCallback((next: Partial<ReviewQueueFilters>) => setView({ ...next, pages: 1 }), [setView]);

  // As many pages as the URL asks for (after a reload); and the next one when decisions emptied the ones on screen.
  const loadedPages = queue.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = queue;
  const wantMore = loadedPages > 0 && (loadedPages < view.pages || entries.length === 0);
  useEffect(() => {
    if (wantMore && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) void fetchNextPage();
  }, [wantMore, hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.id === null) headingRef.current?.focus();
    else document.getElementById(entryDomId(focusRequest.id))?.focus();
  }, [focusRequest]);

  const focusEntry = useCallback((id: string | null) => setFocusRequest((current) => ({ id, nonce: (current?.nonce ?? 0) + 1 })), []);

  const decide = useMutation({
    mutationFn: ({ entry, body }: Decision) => reviewAttempt(slug, entry.attempt.id, body),
    onSuccess: (result, { entry, body }) => {
      queryClient.setQueriesData<QueueData>({ queryKey: reviewQueueKey(slug) }, (data) => data && withoutQueueEntry(data, entry.attempt.id));
      syncAfterReview(queryClient, slug, result, { keepQueue: true });
      toast({ tone: "success", title: body.decision === "APPROVE" ? `Approved “${entry.item.title}”` : `Changes requested on “${entry.item.title}”`, description: `${personName(entry.assignment.assignee)} will see it on their roadmap.` });
    },
    onError: (error, decision) => {
      const { entry, body } = decision;
      const failure = describeReviewFailure(error);
      if (failure.stale) {
        // Someone else decided first: it stays off the list, which is read again.
        toast({ tone: "info", title: `“${entry.item.title}” was already reviewed`, description: failure.message ?? undefined });
        void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
        return;
      }
      setHidden((current) => without(current, entry.attempt.id));
      if (body.decision === "REQUEST_CHANGES") setRequests((current) => new Map(current).set(entry.attempt.id, { comment: body.comment ?? "", error: failure.comment }));
      toast({
        tone: "error",
        title: body.decision === "APPROVE" ? `“${entry.item.title}” was not approved` : `Changes were not requested on “${entry.item.title}”`,
        description: failure.message ?? failure.comment ?? undefined,
        action: isRetryable(error) ? { label: "Try again", onAction: () => latest.current.run(entry, body) } : undefined,
      });
    },
  });

  const chosenEntries = entries.filter((entry) => chosen.has(entry.attempt.id));
  const approveChosen = useMutation({
    mutationFn: (batch: ReviewQueueEntryJson[]) => approveAttempts(slug, batch.map((entry) => entry.attempt.id)),
    onSuccess: (result) => {
      const approved = new Set(result.approved.map((attempt) => attempt.id));
      setHidden((current) => new Set([...current, ...approved]));
      setChosen(new Set());
      for (const assignment of result.assignments) void queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignment.id) });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
      void queryClient.invalidateQueries({ queryKey: reviewCountKey(slug) });
      toast({ tone: "success", title: `Approved ${approved.size} ${approved.size === 1 ? "item" : "items"}`, description: "Each is done on its hire's roadmap." });
    },
    onError: (error, batch) => {
      // All or nothing: the list stays as it was, read again in case someone else decided some.
      const refused = error instanceof ApiError ? batch.find((entry) => entry.attempt.id === error.details.attemptId) : undefined;
      toast({ tone: "error", title: "Nothing was approved", description: `${refused ? `“${refused.item.title}”: ` : ""}${error instanceof ApiError ? error.message : "Try again."}` });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
    },
  });

  /** Takes the entry off the list, moves the selection (and focus, if it was in the list) to its neighbour, and sends the decision. */
  function run(entry: ReviewQueueEntryJson, body: ReviewBody) {
    const id = entry.attempt.id;
    const index = entries.findIndex((candidate) => candidate.attempt.id === id);
    if (selected?.attempt.id === id && index >= 0) {
      const neighbour = entries[index + 1] ?? entries[index - 1] ?? null;
      setSelectedId(neighbour?.attempt.id ?? null);
      const active = document.activeElement;
      if (!active || active === document.body || listRef.current?.contains(active)) focusEntry(neighbour?.attempt.id ?? null);
    }
    setHidden((current) => new Set(current).add(id));
    setRequests((current) => withoutKey(current, id));
    decide.mutate({ entry, body });
  }

  function openRequest(entry: ReviewQueueEntryJson) {
    const id = entry.attempt.id;
    setSelectedId(id);
    if (requests.has(id)) document.querySelector<HTMLTextAreaElement>(`#${entryDomId(id)} textarea`)?.focus();
    else setRequests((current) => new Map(current).set(id, { comment: "", error: null }));
  }

  function sendRequest(entry: ReviewQueueEntryJson) {
    const id = entry.attempt.id;
    const request = requests.get(id);
    if (!request) return;
    if (!request.comment.trim()) {
      setRequests((current) => new Map(current).set(id, { ...request, error: COMMENT_REQUIRED }));
      document.querySelector<HTMLTextAreaElement>(`#${entryDomId(id)} textarea`)?.focus();
      return;
    }
    run(entry, { decision: "REQUEST_CHANGES", comment: request.comment });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
    // A dialog (these shortcuts' list, another) has the keyboard.
    if (document.querySelector("dialog[open]")) return;
    const active = document.activeElement;
    const inList = !active || active === document.body || (listRef.current?.contains(active) ?? false);
    const command = queueCommand(event, inList);
    if (!command) return;
    event.preventDefault();
    if (command === "help") return setHelpOpen(true);
    if (!selected) return;
    if (command === "approve") {
      // An open comment means the reviewer was asking for changes: "a" does not throw it away.
      if (!requests.has(selected.attempt.id)) run(selected, { decision: "APPROVE" });
      return;
    }
    if (command === "request") return openRequest(selected);
    const target = movedIndex(entries.indexOf(selected), entries.length, command);
    const next = target === null ? null : entries[target]!;
    if (next) {
      setSelectedId(next.attempt.id);
      document.getElementById(entryDomId(next.attempt.id))?.focus();
    }
  }

  // One listener for the page's life, calling the latest handler (it reads this render's list).
  const latest = useRef({ onKeyDown, run, sendRequest });
  useLayoutEffect(() => {
    latest.current = { onKeyDown, run, sendRequest };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current.onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  // Stable, so entries that did not change are not rendered again.
  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  const onChoose = useCallback((id: string, tick: boolean) => setChosen((current) => (tick ? new Set(current).add(id) : without(current, id))), []);
  const onApprove = useCallback((entry: ReviewQueueEntryJson) => latest.current.run(entry, { decision: "APPROVE" }), []);
  const onOpenRequest = useCallback((entry: ReviewQueueEntryJson) => {
    setSelectedId(entry.attempt.id);
    setRequests((current) => (current.has(entry.attempt.id) ? current : new Map(current).set(entry.attempt.id, { comment: "", error: null })));
  }, []);
  const onComment = useCallback((id: string, comment: string) => setRequests((current) => new Map(current).set(id, { comment, error: null })), []);
  const onSendRequest = useCallback((entry: ReviewQueueEntryJson) => latest.current.sendRequest(entry), []);
  const onCancelRequest = useCallback(
    (id: string) => {
      setRequests((current) => withoutKey(current, id));
      focusEntry(id);
    },
    [focusEntry],
  );

  const filtered = isFiltered(filters);

  return (
    <section aria-labelledby="reviews-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="reviews-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
            Reviews
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">Evidence your hires sent, oldest first. Approving marks the item done; asking for changes sends your comment back.</p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </Button>
      </div>

      <ReviewsToolbar
        filters={filters}
        onChange={setFilters}
        people={people.data?.items}
        tracks={tracks.data?.items}
        sections={filters.trackId ? version.tree.data?.nodes : undefined}
        reviewTargetDays={queue.data?.pages[0]?.reviewTargetDays}
        overdueCount={queue.data?.pages[0]?.overdueCount}
      />

      <p role="status" className="text-sm text-muted-foreground" aria-busy={queue.isFetching || undefined}>
        {queue.isPending ? "Loading the queue…" : queue.isError || total === null ? "" : total === 0 ? "" : `${total} waiting${filtered ? " with these filters" : ""}${entries.length < total ? `, ${entries.length} shown` : ""}.`}
      </p>

      {queue.isError && !queue.data ? (
        <LoadFailed what="review queue" message={queue.error.message} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <LoadingBlock />
      ) : entries.length === 0 ? (
        hasNextPage && !isFetchNextPageError ? (
          <LoadingBlock />
        ) : (
          <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
            {filtered ? (
              <>
                <p>Nothing waits for your review with these filters.</p>
                <Button variant="secondary" size="sm" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </Button>
              </>
            ) : (
              <p>Nothing waits for your review. When a hire you mentor submits evidence, it shows up here.</p>
            )}
          </div>
        )
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p id="review-keys" className="text-xs text-muted-foreground">
              j / k or ↑ ↓ move · a approves · r requests changes · ? lists the shortcuts
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <Button variant="ghost" size="sm" onClick={() => setChosen(new Set(entries.map((entry) => entry.attempt.id)))} disabled={entries.length === 0}>
                Choose all shown
              </Button>
              <Button size="sm" disabled={chosenEntries.length === 0} loading={approveChosen.isPending} onClick={() => approveChosen.mutate(chosenEntries)}>
                {chosenEntries.length === 0 ? "Approve chosen" : `Approve ${chosenEntries.length} chosen`}
              </Button>
            </div>
          </div>
          <ol ref={listRef} aria-label="Waiting for review" className={isPlaceholderData ? "flex flex-col gap-3 opacity-60 transition-opacity" : "flex flex-col gap-3"}>
            {entries.map((entry) => {
              const isSelected = entry.attempt.id === selected?.attempt.id;
              return (
                <li key={entry.attempt.id}>
                  <ReviewEntry
                    slug={slug}
                    entry={entry}
                    selected={isSelected}
                    tabbable={isSelected}
                    now={now}
                    reviewTargetDays={queue.data?.pages[0]?.reviewTargetDays ?? null}
                    request={requests.get(entry.attempt.id) ?? null}
                    chosen={chosen.has(entry.attempt.id)}
                    onChoose={onChoose}
                    onSelect={onSelect}
                    onApprove={onApprove}
                    onOpenRequest={onOpenRequest}
                    onComment={onComment}
                    onSendRequest={onSendRequest}
                    onCancelRequest={onCancelRequest}
                  />
                </li>
              );
            })}
          </ol>
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
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

function withoutKey<V>(map: ReadonlyMap<string, V>, id: string): ReadonlyMap<string, V> {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}
