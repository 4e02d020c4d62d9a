"use client";

import { MutationObserver, useQueryClient } from "@tanstack/react-query";
import type { MutationObserverOptions, QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { newIdempotencyKey } from "@/components/assignments/idempotency-key";
import { useToast } from "@/components/ui/toast";
import type { ToastOptions } from "@/components/ui/toast";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assignmentKey, errorMessage, myAssignmentsKey, postBulk, progressWritesKey, putItem, shouldRetryWrite, writeRetryDelay } from "./assignment-api";
import { applyItemChanges, itemRowOf, sameItem, withItems } from "./optimistic-progress";
import type { AssignmentDetailJson, BulkUpdateResultJson, ItemChange, ItemProgressJson } from "./types";
import { WriteLedger } from "./write-ledger";

/** `idempotencyKey`: one per user action, made when it is made; react-query's retries of it send the same. */
export type WriteVariables =
  | { kind: "item"; key: string; change: ItemChange; label: string; idempotencyKey: string }
  | { kind: "bulk"; keys: string[]; state: ProgressState; label: string; idempotencyKey: string };

/** A user's action: its own Idempotency-Key, made here once; react-query's retries reuse the variables, so the key. */
export const itemWrite = (key: string, label: string, change: ItemChange): WriteVariables => ({ kind: "item", key, change, label, idempotencyKey: newIdempotencyKey() });
export const bulkWrite = (keys: string[], state: ProgressState, label: string): WriteVariables => ({ kind: "bulk", keys, state, label, idempotencyKey: newIdempotencyKey() });

const keysOf = (write: WriteVariables) => (write.kind === "item" ? [write.key] : write.keys);
const changesOf = (write: WriteVariables) => (write.kind === "item" ? [{ key: write.key, change: write.change }] : write.keys.map((key) => ({ key, change: { state: write.state } })));

export interface WriteCallbacks {
  onSuccess?: () => void;
  onError?: (error: unknown) => void;
}

type WriteOptions = MutationObserverOptions<BulkUpdateResultJson, unknown, WriteVariables>;

/**
 * The hire's progress writes. Each is shown at once (the cached detail changes
 * and recounts), sent in order behind the previous ones (one mutation scope, so
 * a fast double toggle reaches the server as two changes in the order made),
 * tried again on a dropped connection or a 5xx, and on a refusal taken back to
 * what the server last confirmed, with the server's reason in a toast.
 *
 * The writes run through a MutationObserver nothing subscribes to: the page
 * re-renders when the cached detail changes, not again for each write's
 * pending and success states (each render maps every row on screen).
 */
export function useProgressWrites(slug: string, assignmentId: string) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [ledger] = useState(() => new WriteLedger<ItemProgressJson>());
  const options = useMemo(() => writeOptions({ queryClient, toast, ledger, slug, assignmentId }), [queryClient, toast, ledger, slug, assignmentId]);
  const [observer] = useState(() => new MutationObserver(queryClient, options));
  useEffect(() => observer.setOptions(options), [observer, options]);

  // Each call's promise settles for that call (an observer's own callbacks follow only its latest call).
  const setItem = useCallback(
    (key: string, label: string, change: ItemChange, callbacks?: WriteCallbacks) => {
      observer.mutate(itemWrite(key, label, change)).then(
        () => callbacks?.onSuccess?.(),
        (error: unknown) => callbacks?.onError?.(error),
      );
    },
    [observer],
  );
  const markDone = useCallback(
    (keys: string[], label: string) => {
      // The toast reports a failure; nothing else waits for this promise.
      observer.mutate(bulkWrite(keys, "DONE", label)).catch(() => undefined);
    },
    [observer],
  );

  return { setItem, markDone };
}

export function writeOptions({
  queryClient,
  toast,
  ledger,
  slug,
  assignmentId,
}: {
  queryClient: QueryClient;
  toast: (options: ToastOptions) => string;
  ledger: WriteLedger<ItemProgressJson>;
  slug: string;
  assignmentId: string;
}): WriteOptions {
  const queryKey = assignmentKey(slug, assignmentId);
  const mutationKey = progressWritesKey(slug, assignmentId);
  const edit = (change: (detail: AssignmentDetailJson) => AssignmentDetailJson) => queryClient.setQueryData<AssignmentDetailJson>(queryKey, (detail) => detail && change(detail));

  return {
    mutationKey,
    scope: { id: mutationKey.join("/") },
    mutationFn: async (write) => {
      if (write.kind === "bulk") return postBulk(slug, assignmentId, { keys: write.keys, state: write.state }, write.idempotencyKey);
      const result = await putItem(slug, assignmentId, write.key, write.change, write.idempotencyKey);
      return { items: [result.item], assignment: result.assignment };
    },
    retry: shouldRetryWrite,
    retryDelay: writeRetryDelay,
    // Synchronous on purpose: the next key press reads the cache, so the change must be in it already.
    onMutate: (write) => {
      // A fetch in flight would land without this change; cancelling it keeps the cache as set here.
      void queryClient.cancelQueries({ queryKey, exact: true });
      const detail = queryClient.getQueryData<AssignmentDetailJson>(queryKey);
      ledger.begin(keysOf(write), (key) => (detail ? (itemRowOf(detail, key) ?? null) : null));
      const now = new Date().toISOString();
      edit((current) => applyItemChanges(current, changesOf(write), now));
    },
    onSuccess: (result, write) => {
      const stored = new Map(result.items.map((row) => [row.stableKey, row]));
      const settled = ledger.succeed(keysOf(write), (key) => stored.get(key) ?? null);
      const current = queryClient.getQueryData<AssignmentDetailJson>(queryKey);
      // Only what differs from the screen is written: a confirmation alone changes nothing.
      const changed = new Map([...settled].filter(([key, row]) => !current || !sameItem(itemRowOf(current, key), row)));
      // The status is the server's call (completion); take it once nothing else is on its way.
      const status = ledger.idle && current && current.assignment.status !== result.assignment.status ? result.assignment.status : null;
      if (changed.size > 0 || status) {
        edit((detail) => {
          const next = withItems(detail, changed);
          return status ? { ...next, assignment: { ...next.assignment, status } } : next;
        });
      }
      void queryClient.invalidateQueries({ queryKey: [...queryKey, "history"] });
      void queryClient.invalidateQueries({ queryKey: myAssignmentsKey(slug) });
      if (write.kind === "bulk") {
        const count = write.keys.length;
        toast({ tone: "success", title: `Marked ${count} ${count === 1 ? "item" : "items"} done in “${write.label}”.` });
      }
    },
    onError: (error, write) => {
      const restore = ledger.fail(keysOf(write));
      edit((detail) => withItems(detail, restore));
      toast({
        tone: "error",
        title: write.kind === "bulk" ? `“${write.label}” was not marked done` : `“${write.label}” was not saved`,
        description: errorMessage(error),
      });
      // After a refusal the server is the truth: read it back once nothing else is queued.
      if (ledger.idle) void queryClient.invalidateQueries({ queryKey, exact: true });
    },
  };
}
