"use client";

import { useIsMutating, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import { tracksKey } from "../tracks-api";
import { checkOp, fitOp, inverseOf } from "./edit-ops";
import { editKey, fetchVersion, versionKey } from "./editor-api";
import type { EditorTarget } from "./editor-api";
import { removedNodesOf } from "./editor-nodes";
import { confirmEdit, dataFromTree, stateOf } from "./editor-state";
import { KeyAliases } from "./key-aliases";
import { sendOp, UnsentDependencyError } from "./send-op";
import type { SendResult } from "./send-op";
import { dropUndo, pushUndo, replaceUndo, takeUndo } from "./undo-stack";
import type { UndoEntry } from "./undo-stack";
import type { EditOp, EditVariables, EditorData, EditorState } from "./types";

/** An edit queued behind one the server refused: never sent. */
class DroppedEditError extends Error {
  override name = "DroppedEditError";
}

export type EditOutcome = { ok: true; id: number; done: Promise<SendResult> } | { ok: false; reason: string };

function failureMessage(error: unknown, dropped: number): string {
  const reason =
    error instanceof ApiError && error.status === 412
      ? "Someone else changed this draft since it was loaded. It now shows the latest version; make your change again."
      : error instanceof ApiError || error instanceof UnsentDependencyError
        ? error.message
        : "Something went wrong. Try again.";
  return dropped > 0 ? `${reason} The ${dropped === 1 ? "edit" : `${dropped} edits`} made after it ${dropped === 1 ? "was" : "were"} undone too.` : reason;
}

/**
 * The draft being edited: the confirmed tree from the cache with the queued
 * edits on top (editor-state.ts), and edit() / undo(). Edits share one mutation
 * scope, so they reach the server one at a time in the order they were made,
 * each with the ETag the previous one returned; every edit is checked with
 * tree-edit first, so an impossible one is refused here without a request.
 */
export function useTrackEditor(target: EditorTarget) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [aliases] = useState(() => new KeyAliases());
  const queryKey = useMemo(() => versionKey(target), [target]);
  const mutationKey = useMemo(() => editKey(target), [target]);
  // The undo stack is read by handlers that may outlive a render (a toast's Undo), so a ref holds the truth.
  const undoRef = useRef<UndoEntry[]>([]);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const [everEdited, setEverEdited] = useState(false);
  const nextId = useRef(0);

  const updateUndo = useCallback((change: (stack: UndoEntry[]) => UndoEntry[]) => {
    undoRef.current = change(undoRef.current);
    setUndoStack(undoRef.current);
  }, []);

  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const { tree, etag } = await fetchVersion(target);
      return dataFromTree(tree, etag, aliases, queryClient.getQueryData<EditorData>(queryKey));
    },
    // Revalidate freely (a 304 is cheap), but never under queued edits: those would be applied twice.
    staleTime: 0,
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey }) === 0,
  });

  const pending = useMutationState({ filters: { mutationKey, status: "pending" }, select: (mutation) => mutation.state.variables as EditVariables });
  const state = useMemo(() => (query.data ? stateOf(query.data, pending) : null), [query.data, pending]);
  const saving = useIsMutating({ mutationKey }) > 0;

  const currentState = useCallback((): EditorState | null => {
    const data = queryClient.getQueryData<EditorData>(queryKey);
    if (!data) return null;
    const queued = queryClient
      .getMutationCache()
      .findAll({ mutationKey, status: "pending" })
      .map((mutation) => mutation.state.variables as EditVariables);
    return stateOf(data, queued);
  }, [queryClient, queryKey, mutationKey]);

  /** After a refusal the server is the truth: read it now, while the queue waits behind this mutation. */
  const reload = useCallback(async () => {
    try {
      const { tree, etag } = await fetchVersion(target);
      queryClient.setQueryData<EditorData>(queryKey, (previous) => dataFromTree(tree, etag, aliases, previous));
    } catch {
      await queryClient.invalidateQueries({ queryKey });
    }
  }, [target, queryClient, queryKey, aliases]);

  const mutation = useMutation({
    mutationKey,
    scope: { id: mutationKey.join("/") },
    mutationFn: async (edit: EditVariables) => {
      const data = queryClient.getQueryData<EditorData>(queryKey);
      if (!data || edit.generation !== data.generation) throw new DroppedEditError();
      return sendOp(target, data.etag, edit.op, aliases);
    },
    // A refetch landing under a queued edit would apply it twice; the one after the queue drains replaces it.
    onMutate: () => queryClient.cancelQueries({ queryKey }),
    onSuccess: (sent, edit) => {
      if (sent.kind === "nodes" && edit.op.type === "add" && !edit.op.restore && sent.result.nodes[0]) aliases.learn(edit.op.nodes[0]!.key, sent.result.nodes[0].stableKey);
      queryClient.setQueryData<EditorData>(queryKey, (data) => data && confirmEdit(data, edit, sent, aliases));
      // The server answers a delete with exactly what it removed: that is what undo sends back.
      const entry = undoRef.current.find((candidate) => candidate.id === edit.id);
      if (sent.kind === "nodes" && edit.op.type === "remove" && entry?.inverse.type === "add" && sent.result.nodes.length > 0) {
        const nodes = removedNodesOf(sent.result.nodes, entry.inverse.destination.parentKey, (key) => aliases.toClient(key));
        updateUndo((stack) => replaceUndo(stack, edit.id, { ...entry.inverse, nodes } as EditOp));
      }
      if (sent.kind === "track") void queryClient.invalidateQueries({ queryKey: tracksKey(target.slug) });
    },
    onError: async (error, edit) => {
      updateUndo((stack) => dropUndo(stack, edit.id));
      if (error instanceof DroppedEditError) return;
      const data = queryClient.getQueryData<EditorData>(queryKey);
      const dropped = queryClient
        .getMutationCache()
        .findAll({ mutationKey, status: "pending" })
        .filter((mutation) => {
          const queued = mutation.state.variables as EditVariables;
          return queued.id !== edit.id && queued.generation === data?.generation;
        }).length;
      queryClient.setQueryData<EditorData>(queryKey, (current) => current && { ...current, generation: current.generation + 1 });
      // Someone else's change makes every older inverse a guess: undo starts again from their version.
      if (error instanceof ApiError && error.status === 412) updateUndo(() => []);
      toast({ tone: "error", title: edit.isUndo ? "The undo was not saved" : "The change was not saved", description: failureMessage(error, dropped) });
      if (error instanceof ApiError && error.status !== 0) await reload();
    },
    onSettled: () => {
      // The last edit of a burst: read the draft back so the screen shows exactly what was stored.
      if (queryClient.isMutating({ mutationKey }) === 1) void queryClient.invalidateQueries({ queryKey });
    },
  });
  const { mutateAsync } = mutation;

  const enqueue = useCallback(
    (op: EditOp, label: string, isUndo: boolean): EditOutcome => {
      const current = currentState();
      const data = queryClient.getQueryData<EditorData>(queryKey);
      if (!current || !data) return { ok: false, reason: "The draft is not loaded yet." };
      const check = checkOp(current, op);
      if (!check.ok) return check;
      nextId.current += 1;
      const id = nextId.current;
      setEverEdited(true);
      if (!isUndo) updateUndo((stack) => pushUndo(stack, { id, label, inverse: inverseOf(current, op) }));
      const done = mutateAsync({ id, generation: data.generation, op, label, isUndo });
      // Failures are reported by onError (a toast); callers that care await `done` themselves.
      done.catch(() => undefined);
      return { ok: true, id, done };
    },
    [currentState, queryClient, queryKey, updateUndo, mutateAsync],
  );

  const edit = useCallback((op: EditOp, label: string) => enqueue(op, label, false), [enqueue]);

  /** Undoes the newest edit, or the one named (a toast's Undo), even with newer edits after it. */
  const undo = useCallback(
    (id?: number): (EditOutcome & { entryId: number; inverse?: EditOp; label?: string }) | null => {
      const { entry, rest } = takeUndo(undoRef.current, id);
      const current = currentState();
      if (!entry || !current) return null;
      undoRef.current = rest;
      setUndoStack(rest);
      const op = fitOp(current, entry.inverse);
      const outcome = enqueue(op, entry.label, true);
      return { ...outcome, entryId: entry.id, inverse: op, label: entry.label };
    },
    [currentState, enqueue],
  );

  /**
   * Resolves once every queued edit has reached the server (at once when none is queued), saying
   * whether any of them failed meanwhile: what a publish waits for (editor-publish.tsx).
   */
  const whenSaved = useCallback((): Promise<{ failed: boolean }> => {
    const cache = queryClient.getMutationCache();
    const failures = () => cache.findAll({ mutationKey, status: "error" }).length;
    const failedBefore = failures();
    return new Promise((resolve) => {
      const settled = () => queryClient.isMutating({ mutationKey }) === 0;
      if (settled()) return resolve({ failed: false });
      const unsubscribe = cache.subscribe(() => {
        if (!settled()) return;
        unsubscribe();
        resolve({ failed: failures() > failedBefore });
      });
    });
  }, [queryClient, mutationKey]);

  return {
    target,
    whenSaved,
    query,
    data: query.data,
    state,
    saving,
    everEdited,
    currentState,
    newKey: () => aliases.newKey(),
    edit,
    undo,
    canUndo: undoStack.length > 0,
    undoLabel: undoStack.at(-1)?.label ?? null,
  };
}
