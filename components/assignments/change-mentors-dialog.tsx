"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { MemberJson } from "@/components/members/types";
import { mayMentor } from "@/lib/authz/policy";
import { ApiError } from "@/lib/http/api-client";
import { personName } from "./labels";
import { PeoplePicker } from "./people-picker";
import type { AssignmentJson } from "./types";
import { useUpdateAssignment } from "./use-update-assignment";


/** Mount with a key per assignment: the choice starts from its current mentors. */
export function ChangeMentorsDialog({
  slug,
  assignment,
  people,
  peopleFailed,
  onClose,
}: {
  slug: string;
  assignment: AssignmentJson;
  /** Undefined while the member list loads (or when it failed: peopleFailed). */
  people: MemberJson[] | undefined;
  peopleFailed: boolean;
  onClose: () => void;
}) {
  const [mentorIds, setMentorIds] = useState(() => assignment.mentors.map((mentor) => mentor.id));
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useUpdateAssignment(slug);
  // Current mentors stay listed even if their role changed since, so they can be taken off.
  const current = new Set(assignment.mentors.map((mentor) => mentor.id));
  const choices = (people ?? []).filter(
    (member) => member.user.id !== assignment.assignee.id && (current.has(member.user.id) || (member.status === "ACTIVE" && mayMentor(member.role))),
  );
  const serverError = update.error instanceof ApiError ? update.error : null;
  const fieldError = localError ?? serverError?.fieldErrors.mentorIds;
  const formError = update.isError && !serverError?.fieldErrors.mentorIds ? update.error.message : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mentorIds.length === 0) return setLocalError("Choose at least one mentor.");
    update.mutate({ assignment, update: { mentorIds } }, { onSuccess: onClose });
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Mentors of ${personName(assignment.assignee)}`}
      description={`On ${assignment.track.title}. Mentors follow the progress and review evidence.`}
      dismissOnBackdropClick={false}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="change-mentors-form" loading={update.isPending}>
            Save mentors
          </Button>
        </>
      }
    >
      <form id="change-mentors-form" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        {people === undefined ? (
          peopleFailed ? (
            <FormAlert>The member list could not be loaded. Close this and reload the page.</FormAlert>
          ) : (
            <p className="text-sm text-muted-foreground" role="status">
              Loading people…
            </p>
          )
        ) : (
          <PeoplePicker
            legend="Mentors"
            people={choices}
            selected={mentorIds}
            onChange={(next) => {
              setMentorIds(next);
              setLocalError(null);
              update.reset();
            }}
            error={fieldError}
            emptyText="No one else can mentor: give someone the Mentor role first."
          />
        )}
      </form>
    </Dialog>
  );
}
