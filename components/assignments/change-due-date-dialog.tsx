"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/http/api-client";
import { formatDay, personName } from "./labels";
import type { AssignmentJson } from "./types";
import { useUpdateAssignment } from "./use-update-assignment";

/** Mount with a key per assignment: the field starts from its current due date. An empty field removes it. */
export function ChangeDueDateDialog({ slug, assignment, onClose }: { slug: string; assignment: AssignmentJson; onClose: () => void }) {
  const [dueDate, setDueDate] = useState(assignment.dueDate ?? "");
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useUpdateAssignment(slug);
  const serverError = update.error instanceof ApiError ? update.error : null;
  const fieldError = localError ?? serverError?.fieldErrors.dueDate;
  const formError = update.isError && !serverError?.fieldErrors.dueDate ? update.error.message : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (dueDate && dueDate < assignment.startDate) return setLocalError("The due date is on or after the start date.");
    update.mutate({ assignment, update: { dueDate: dueDate || null } }, { onSuccess: onClose });
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Due date of ${personName(assignment.assignee)}`}
      description={`On ${assignment.track.title}, started ${formatDay(assignment.startDate)}.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="change-due-date-form" loading={update.isPending}>
            Save due date
          </Button>
        </>
      }
    >
      <form id="change-due-date-form" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <Input
          label="Due date"
          type="date"
          value={dueDate}
          min={assignment.startDate}
          hint="Leave empty for no due date."
          onChange={(event) => {
            setDueDate(event.target.value);
            setLocalError(null);
            update.reset();
          }}
          error={fieldError}
          data-autofocus
        />
      </form>
    </Dialog>
  );
}
