"use client";

import { useId } from "react";
import type { FormEvent, KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { MAX_ESTIMATED_MINUTES, MAX_NODE_DESCRIPTION } from "@/lib/tracks/edit-schema";
import { LinkRows } from "./link-rows";
import { DueFields } from "./due-fields";
import { isDirty, valuesWithDraft } from "./node-form";
import type { FormDraft, FormValues } from "./node-form";
import type { PlacedNode } from "./types";

/**
 * The selected node's details. What is typed lives in the editor as a draft per
 * node (only the fields touched), so selecting another row keeps it: the row
 * shows "unsaved changes" and coming back shows the text again.
 */
export function NodePanel({
  node,
  draft,
  errors,
  otherUnsaved,
  onDraftChange,
  onSave,
  onDiscard,
}: {
  node: PlacedNode;
  draft: FormDraft | undefined;
  errors: Record<string, string>;
  otherUnsaved: number;
  onDraftChange: (draft: FormDraft) => void;
  onSave: (values: FormValues) => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const values = valuesWithDraft(node, draft);
  const dirty = isDirty(node, draft);
  const isItem = node.kind === "ITEM";
  const set = (patch: Partial<FormValues>) => onDraftChange({ ...draft, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) onSave(values);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (dirty) onSave(values);
    }
  }

  return (
    <form noValidate aria-labelledby={`${id}-heading`} onSubmit={submit} onKeyDown={onKeyDown} className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {isItem ? "Item details" : "Section details"}
        </h2>
        <p className="text-sm text-muted-foreground">Save with the button or Ctrl+Enter.</p>
      </div>
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <Input label="Title" value={values.title} maxLength={300} onChange={(event) => set({ title: event.target.value })} error={errors.title} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-description`} className="text-sm font-medium">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          value={values.description}
          rows={6}
          maxLength={MAX_NODE_DESCRIPTION}
          aria-describedby={`${id}-description-hint${errors.description ? ` ${id}-description-error` : ""}`}
          aria-invalid={errors.description ? true : undefined}
          onChange={(event) => set({ description: event.target.value })}
          className={`w-full rounded-md border bg-surface p-3 text-sm text-foreground ${errors.description ? "border-danger" : "border-border-strong"}`}
        />
        <p id={`${id}-description-hint`} className="text-sm text-muted-foreground">
          Markdown: **bold**, _italic_, `code`, [links](https://…) and lists.
        </p>
        {errors.description ? (
          <p id={`${id}-description-error`} className="text-sm font-medium text-danger">
            {errors.description}
          </p>
        ) : null}
      </div>
      {isItem ? (
        <>
          <Input
            label="Estimated minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_ESTIMATED_MINUTES}
            step={1}
            value={values.estimatedMinutes}
            hint="Leave empty when unknown."
            onChange={(event) => set({ estimatedMinutes: event.target.value })}
            error={errors.estimatedMinutes}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.evidenceRequired} onChange={(event) => set({ evidenceRequired: event.target.checked })} className="size-4" />
            Evidence required
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={values.verificationRequired}
              onChange={(event) => set({ verificationRequired: event.target.checked })}
              className="size-4"
              aria-describedby={`${id}-verification-hint`}
            />
            Evidence must be verified on GitHub
          </label>
          <p id={`${id}-verification-hint`} className="-mt-1 text-xs text-muted-foreground">
            A mentor can approve only a pull request or commit GitHub shows is the hire&apos;s own (merged, checks not failing).
          </p>
        </>
      ) : null}
      <DueFields
        id={id}
        unit={values.dueUnit}
        count={values.dueCount}
        error={errors["due.count"] ?? errors.due}
        onUnit={(dueUnit) => set({ dueUnit, ...(dueUnit !== "" && values.dueCount === "" && { dueCount: "1" }) })}
        onCount={(dueCount) => set({ dueCount })}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.optional} onChange={(event) => set({ optional: event.target.checked })} className="size-4" />
        Optional
      </label>
      {isItem ? <LinkRows rows={values.resources} errors={errors} onChange={(resources) => set({ resources })} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={!dirty}>
          Save
        </Button>
        {dirty ? (
          <Button variant="ghost" onClick={onDiscard}>
            Discard changes
          </Button>
        ) : null}
        <p className="text-sm text-muted-foreground" role="status">
          {dirty ? "Unsaved changes." : ""}
          {otherUnsaved > 0 ? ` ${otherUnsaved} other ${otherUnsaved === 1 ? "row has" : "rows have"} unsaved changes.` : ""}
        </p>
      </div>
    </form>
  );
}
