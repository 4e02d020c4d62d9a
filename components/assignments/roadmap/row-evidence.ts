/**
 * Evidence on the roadmap's rows: each node's latest attempt status, and the two
 * evidence filters. "Needs my action" is what only the hire can move forward on an
 * item they are working on: an attempt sent back with changes requested, or an item
 * that requires evidence, started (in progress), with no attempt yet. "Waiting on
 * mentor" is an attempt submitted and not yet reviewed. Items skipped or not
 * applicable are in neither; a not-started item is simply not started (its own
 * filter), even when it will need evidence (decision 0041).
 */
import type { AssignmentDetailJson } from "./types";
import type { EffectiveState, RoadmapModel, RoadmapNode } from "./roadmap-model";

export type EvidenceStatus = AssignmentDetailJson["evidence"][string];

/** The latest attempt's status per node, in the model's order (undefined: no attempt). */
export function evidenceStatuses(model: RoadmapModel, evidence: AssignmentDetailJson["evidence"]): Array<EvidenceStatus | undefined> {
  return model.nodes.map((node) => (node.leaf ? evidence[node.key] : undefined));
}

const excluded = (state: EffectiveState) => state === "SKIPPED" || state === "NOT_APPLICABLE";

export function needsHireAction(node: RoadmapNode, state: EffectiveState, status: EvidenceStatus | undefined): boolean {
  if (!node.leaf || excluded(state)) return false;
  if (status === "CHANGES_REQUESTED") return true;
  return node.source.evidenceRequired && status === undefined && state === "IN_PROGRESS";
}

export function waitingOnMentor(node: RoadmapNode, state: EffectiveState, status: EvidenceStatus | undefined): boolean {
  return node.leaf && !excluded(state) && status === "SUBMITTED";
}

/** The row's evidence badge, in words (never colour alone). */
export const EVIDENCE_BADGE: Record<EvidenceStatus, string> = {
  SUBMITTED: "waiting for review",
  CHANGES_REQUESTED: "changes requested",
  APPROVED: "approved",
};
