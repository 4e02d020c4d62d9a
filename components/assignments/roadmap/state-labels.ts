import type { ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState } from "./roadmap-model";

export const STATE_LABEL: Record<EffectiveState, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  NOT_APPLICABLE: "Not applicable",
  SKIPPED: "Skipped",
};

/** The label of a button that moves an item to a state. */
export const MOVE_LABEL: Record<ProgressState, string> = {
  NOT_STARTED: "Mark not started",
  IN_PROGRESS: "Mark in progress",
  DONE: "Mark done",
  NOT_APPLICABLE: "Not applicable…",
};
