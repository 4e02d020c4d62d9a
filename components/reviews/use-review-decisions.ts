"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { Dispatch } from "react";
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import { approveAttempts, reviewAttempt, reviewCountKey, reviewQueueKey } from "@/components/evidence/evidence-api";
import { describeReviewFailure } from "@/components/evidence/evidence-errors";
import { personName } from "@/components/evidence/evidence-labels";
import { syncAfterReview } from "@/components/evidence/evidence-sync";
import type { ReviewBody, ReviewQueueEntryJson } from "@/components/evidence/types";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import type { QueueAction } from "./queue-state";

/**
 * How long a decision waits in this tab before it is sent, with Undo offered (decision 0043):
 * a review notifies and emails the hire, fires webhooks and may complete the assignment, none
 * of which can be called back once sent, so Undo takes back what was never sent.
 */
export const HOLD_MS = 5_000;

/**
 * Browsers refuse a keepalive request whose body, with the others still in flight, passes 64 KiB:
 * a long request-changes comment (up to 20,000 UTF-16 units, 3 bytes each in Chinese) can. Such a
 * decision goes as an ordinary request, which the page's end may cut off; the browser asked first.
 */
const KEEPALIVE_MAX_BYTES = 60_000;
export const fitsKeepalive = (body: ReviewBody) => new TextEncoder().encode(JSON.stringify(body)).length <= KEEPALIVE_MAX_BYTES;

const isRetryable = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

interface Held {
  timer: ReturnType<typeof setTimeout>;
  entry: ReviewQueueEntryJson;
  body: ReviewBody;
}

/**
 * The queue's writes and what their answers do to the list. One decision is held for
 * HOLD_MS (`hold`; `undo` takes it back), then sent (`send`, also Retry's way): the
 * server's yes confirms its line; a refusal puts the entry back with the reason on it
 * (and a toast; a dropped connection offers Try again through `retry`); someone else's
 * earlier review leaves it off. Leaving the page sends what is still held (the leave guard
 * asked first): in the app when the queue unmounts; closing the tab, reloading or leaving
 * Cairn on `pagehide`, with requests that outlive the page. "Approve chosen" is all or
 * nothing, sent at once.
 */
export function useReviewDecisions(slug: string, dispatch: Dispatch<QueueAction>, retry: (entry: ReviewQueueEntryJson, body: ReviewBody) => void) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const held = useRef(new Map<string, Held>());

  const send = useCallback(
    async (entry: ReviewQueueEntryJson, body: ReviewBody, { keepalive = false } = {}) => {
      const id = entry.attempt.id;
      held.current.delete(id);
      dispatch({ type: "sending", id });
      try {
        const result = await reviewAttempt(slug, id, body, { keepalive });
        dispatch({ type: "confirmed", id });
        // The queue's pages keep the entry (its line says "Saved") until they are read again.
        syncAfterReview(queryClient, slug, result, { keepQueue: true });
        toast({ tone: "success", title: body.decision === "APPROVE" ? `Approved “${entry.item.title}”` : `Changes requested on “${entry.item.title}”`, description: `${personName(entry.assignment.assignee)} will see it on their roadmap.` });
      } catch (error) {
        const failure = describeReviewFailure(error);
        if (failure.stale) {
          // Someone else decided first: it stays off the list, which is read again.
          dispatch({ type: "stale", id });
          toast({ tone: "info", title: `“${entry.item.title}” was already reviewed`, description: failure.message ?? undefined });
          void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
          return;
        }
        const message = failure.message ?? failure.comment ?? "The decision was not saved.";
        dispatch({
          type: "putBack",
          id,
          request: body.decision === "REQUEST_CHANGES" ? { comment: body.comment ?? "", error: failure.comment } : null,
          failure: { message, body },
        });
        toast({
          tone: "error",
          title: body.decision === "APPROVE" ? `“${entry.item.title}” was not approved` : `Changes were not requested on “${entry.item.title}”`,
          description: message,
          action: isRetryable(error) ? { label: "Try again", onAction: () => retry(entry, body) } : undefined,
        });
      }
    },
    [slug, dispatch, queryClient, toast, retry],
  );

  const hold = useCallback(
    (entry: ReviewQueueEntryJson, body: ReviewBody) => {
      const id = entry.attempt.id;
      const earlier = held.current.get(id);
      if (earlier) clearTimeout(earlier.timer);
      held.current.set(id, { timer: setTimeout(() => void send(entry, body), HOLD_MS), entry, body });
    },
    [send],
  );

  const undo = useCallback(
    (id: string) => {
      const decision = held.current.get(id);
      if (!decision) return;
      clearTimeout(decision.timer);
      held.current.delete(id);
      dispatch({ type: "undo", id });
    },
    [dispatch],
  );

  // Leaving the queue in the app (after the leave guard's question) sends what is still held rather than dropping it.
  const latestSend = useRef(send);
  useEffect(() => {
    latestSend.current = send;
  }, [send]);
  useEffect(() => {
    const pending = held.current;
    const sendHeld = ({ keepalive = false }: { keepalive?: boolean } = {}) => {
      for (const { timer, entry, body } of [...pending.values()]) {
        clearTimeout(timer);
        void latestSend.current(entry, body, { keepalive: keepalive && fitsKeepalive(body) });
      }
      pending.clear();
    };
    // The page is going (a reload, a closed tab, another site): the requests must outlive it.
    // A page kept in the back-forward cache comes back with them answered as usual.
    const onPageHide = () => sendHeld({ keepalive: true });
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      sendHeld();
    };
  }, []);

  const approveChosen = useMutation({
    mutationFn: (batch: ReviewQueueEntryJson[]) => approveAttempts(slug, batch.map((entry) => entry.attempt.id)),
    onSuccess: (result) => {
      const approved = result.approved.map((attempt) => attempt.id);
      dispatch({ type: "approved", ids: approved });
      for (const assignment of result.assignments) void queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignment.id) });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
      void queryClient.invalidateQueries({ queryKey: reviewCountKey(slug) });
      const count = new Set(approved).size;
      toast({ tone: "success", title: `Approved ${count} ${count === 1 ? "item" : "items"}`, description: "Each is done on its hire's roadmap." });
    },
    onError: (error, batch) => {
      // All or nothing: the list stays as it was, read again in case someone else decided some.
      const refused = error instanceof ApiError ? batch.find((entry) => entry.attempt.id === error.details.attemptId) : undefined;
      toast({ tone: "error", title: "Nothing was approved", description: `${refused ? `“${refused.item.title}”: ` : ""}${error instanceof ApiError ? error.message : "Try again."}` });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
    },
  });

  return { hold, send, undo, approveChosen };
}
