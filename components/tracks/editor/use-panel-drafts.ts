"use client";

import { useMemo, useState } from "react";
import { ApiError } from "@/lib/http/api-client";
import { checkForm, isDirty, screenFieldErrors } from "./node-form";
import type { FormDraft, FormValues } from "./node-form";
import type { PlacedNode } from "./types";
import type { useTrackEditor } from "./use-track-editor";

type Editor = ReturnType<typeof useTrackEditor>;

export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/**
 * The details panel's typed text, kept per node until saved (so selecting another
 * row loses nothing), with each node's field errors, and which nodes have unsaved text.
 */
export function usePanelDrafts(editor: Editor, byKey: ReadonlyMap<string, PlacedNode>, announce: (text: string) => void) {
  const [drafts, setDrafts] = useState<Record<string, FormDraft>>({});
  const [panelErrors, setPanelErrors] = useState<Record<string, Record<string, string>>>({});
  const unsavedKeys = useMemo(() => new Set(Object.keys(drafts).filter((key) => byKey.has(key) && isDirty(byKey.get(key)!, drafts[key]))), [drafts, byKey]);

  function setErrors(key: string, errors: Record<string, string>) {
    setPanelErrors((current) => ({ ...current, [key]: errors }));
  }

  function discardDraft(key: string) {
    setDrafts((current) => withoutKey(current, key));
    setPanelErrors((errors) => withoutKey(errors, key));
  }

  function saveDetails(node: PlacedNode, values: FormValues) {
    const draft = drafts[node.key];
    const check = checkForm(node, values);
    if (!check.ok) return setErrors(node.key, check.errors);
    setErrors(node.key, {});
    if (!check.changes) return discardDraft(node.key);
    const outcome = editor.edit({ type: "update", key: node.key, changes: check.changes }, `Edit “${node.title}”`);
    if (!outcome.ok) return setErrors(node.key, { form: outcome.reason });
    announce(`Saved the details of “${check.changes.title ?? node.title}”.`);
    outcome.done.then(
      // Text typed while it was saving is a newer draft: keep that one.
      () => setDrafts((current) => (current[node.key] === draft ? withoutKey(current, node.key) : current)),
      (error: unknown) => {
        if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setErrors(node.key, screenFieldErrors(error.fieldErrors, values));
      },
    );
  }

  return {
    drafts,
    panelErrors,
    unsavedKeys,
    setDraft: (key: string, draft: FormDraft) => setDrafts((current) => ({ ...current, [key]: draft })),
    saveDetails,
    discardDraft,
  };
}
