/**
 * The checks the form can make before sending, with the server's wording, so the
 * common mistakes show at once and next to their field. The server checks all of
 * it again (and more: active members, roles, conflicts).
 */
import type { AssignFieldErrors } from "./assign-errors";

export interface AssignmentDraft {
  trackId: string;
  /** The version to assign: null until known, or when the track has none published. */
  versionNumber: number | null;
  /** Where the lookup of the chosen track's versions is: only "known" makes a null version mean "none published". */
  versionState: "loading" | "failed" | "known";
  assigneeIds: readonly string[];
  mentorIds: readonly string[];
  startDate: string;
  dueDate: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function validateAssignment(draft: AssignmentDraft): AssignFieldErrors {
  const errors: AssignFieldErrors = {};
  if (!draft.trackId) errors.trackId = "Choose a track.";
  else if (draft.versionState === "loading") errors.trackId = "The track is still loading.";
  else if (draft.versionState === "failed") errors.trackId = "The track could not be loaded; choose it again or reload the page.";
  else if (draft.versionNumber === null) errors.trackId = "This track has no published version yet; publish it first.";
  if (draft.assigneeIds.length === 0) errors.assigneeIds = "Choose at least one person.";
  if (draft.mentorIds.length === 0) errors.mentorIds = "Choose at least one mentor.";
  if (!DAY.test(draft.startDate)) errors.startDate = "Use a date like 2026-12-01.";
  if (draft.dueDate && !DAY.test(draft.dueDate)) errors.dueDate = "Use a date like 2026-12-01.";
  else if (draft.dueDate && DAY.test(draft.startDate) && draft.dueDate < draft.startDate) errors.dueDate = "The due date is on or after the start date.";
  return errors;
}

/** The POST body for a draft that passed validateAssignment. */
export function assignmentBody(draft: AssignmentDraft, skippedKeys: readonly string[]) {
  return {
    trackId: draft.trackId,
    ...(draft.versionNumber !== null && { versionNumber: draft.versionNumber }),
    assigneeIds: [...draft.assigneeIds],
    mentorIds: [...draft.mentorIds],
    startDate: draft.startDate,
    ...(draft.dueDate && { dueDate: draft.dueDate }),
    skippedKeys: [...skippedKeys],
  };
}
