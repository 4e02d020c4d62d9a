/**
 * What a command on a roadmap row does, decided from the rows on screen and the
 * progress: pure, so every key's effect is tested without a browser. The page
 * carries the effect out (focus, fold, open the panel, write, announce).
 */
import { navigate } from "@/components/ui/tree/tree-moves";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";
import { STATE_LABEL } from "./state-labels";
import { spaceAction } from "./tree-navigation";
import type { SpaceAction, TreeCommand } from "./tree-navigation";

export type RowEffect = { kind: "focus"; key: string } | { kind: "fold"; key: string; fold: boolean } | { kind: "open"; key: string } | { kind: "space"; key: string } | null;

const nodeOf = (model: RoadmapModel, key: string) => model.nodes[model.indexOf.get(key)!]!;

/** Every command but Space's write and the actions menu (the tree opens that one itself). */
export function rowEffect(command: TreeCommand, key: string, rows: readonly VisibleRow[], model: RoadmapModel): RowEffect {
  switch (command) {
    case "previous":
    case "next":
    case "first":
    case "last":
    case "collapse":
    case "expand": {
      const move = navigate(rows, key, command, (child) => nodeOf(model, child).parentKey);
      if (move === null) return null;
      return move.kind === "focus" ? move : { kind: "fold", key: move.key, fold: move.kind === "collapse" };
    }
    case "fold": {
      const row = rows.find((candidate) => candidate.key === key);
      return row?.expandable ? { kind: "fold", key, fold: row.expanded } : null;
    }
    case "space":
      return { kind: "space", key };
    case "open":
      // A section has no state or note of its own: Enter unfolds or folds it.
      return nodeOf(model, key).kind === "SECTION" ? rowEffect("fold", key, rows, model) : { kind: "open", key };
    case "actions":
      return null;
  }
}

const REFUSAL: Record<Extract<SpaceAction, { kind: "refuse" }>["why"], { notice: string; announce: string }> = {
  "needs evidence": { notice: "needs evidence", announce: "needs evidence: it is done when a mentor approves it." },
  skipped: { notice: "skipped", announce: "was skipped by your manager and does not count." },
  "not applicable": { notice: "not applicable", announce: "is marked not applicable; press Enter to change it." },
  "not applicable above": { notice: "not applicable above", announce: "is under an item marked not applicable." },
  "read-only": { notice: "read-only", announce: "cannot be changed here: this is someone else’s progress." },
};

export type SpaceEffect =
  | { kind: "fold"; key: string; fold: boolean }
  /** `notice` shows on the row for a moment; `announce` is read out. */
  | { kind: "refuse"; key: string; notice: string; announce: string }
  | { kind: "set"; key: string; to: ProgressState; announce: string };

/** Space on a row (tree-navigation.ts has the rules), with the words the page shows and announces. */
export function spaceEffect(key: string, input: { rows: readonly VisibleRow[]; model: RoadmapModel; states: ReadonlyMap<string, ProgressState>; effective: readonly EffectiveState[]; canWrite: boolean }): SpaceEffect {
  const index = input.model.indexOf.get(key)!;
  const node = input.model.nodes[index]!;
  const own = input.states.get(key) ?? "NOT_STARTED";
  const action = spaceAction({ leaf: node.leaf, evidenceRequired: node.source.evidenceRequired, own, effective: input.effective[index]!, readOnly: !input.canWrite });
  if (action.kind === "fold") return { kind: "fold", key, fold: input.rows.find((row) => row.key === key)?.expanded ?? false };
  if (action.kind === "refuse") return { kind: "refuse", key, notice: REFUSAL[action.why].notice, announce: `“${node.title}” ${REFUSAL[action.why].announce}` };
  return { kind: "set", key, to: action.to, announce: `“${node.title}”: ${STATE_LABEL[action.to].toLowerCase()}.` };
}
