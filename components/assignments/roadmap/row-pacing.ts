/**
 * What each roadmap row says about pace (decision 0030): the due in words for what is still open
 * ("due in 2 days", "overdue by 1 day"), and the estimated minutes, an item's own and a branch's
 * sum over its counted items (skipped and not applicable ones left out). Pure; today is passed in.
 */
import { dueWords, effectiveDueDays, formatMinutes } from "@/lib/assignments/pacing";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";

export interface RowPacing {
  /** "due in 2 days"; null when there is no due or the row is finished or left out. */
  due: string | null;
  overdue: boolean;
  /** The calendar day it is due, for the row's title attribute. */
  dueDay: string | null;
  /** "about 30 min" / "about 2 h in all"; null without estimates. */
  minutes: string | null;
}

const OPEN: ReadonlySet<EffectiveState> = new Set(["NOT_STARTED", "IN_PROGRESS"]);

export function rowPacing(model: RoadmapModel, effective: readonly EffectiveState[], startDate: string, today: string): RowPacing[] {
  const dueDays = effectiveDueDays(
    model.nodes.map((node) => ({ id: node.key, parentId: node.parentKey, due: node.source.due ?? null })),
    startDate,
  );
  // Backward: a branch's minutes and whether anything under it is open, from its children.
  const minutes = new Array<number>(model.nodes.length).fill(0);
  const open = new Array<boolean>(model.nodes.length).fill(false);
  for (let i = model.nodes.length - 1; i >= 0; i--) {
    const node = model.nodes[i]!;
    const state = effective[i]!;
    if (node.leaf) {
      if (state !== "SKIPPED" && state !== "NOT_APPLICABLE") minutes[i] = node.source.estimatedMinutes ?? 0;
      open[i] = OPEN.has(state);
    }
    const parent = node.parentKey === null ? undefined : model.indexOf.get(node.parentKey);
    if (parent !== undefined) {
      minutes[parent]! += minutes[i]!;
      open[parent] = open[parent]! || open[i]!;
    }
  }
  return model.nodes.map((node, i) => {
    const dueDay = dueDays.get(node.key) ?? null;
    const words = dueDay !== null && open[i] ? dueWords(dueDay, today) : null;
    const total = minutes[i]!;
    return {
      due: words?.text ?? null,
      overdue: words?.overdue ?? false,
      dueDay,
      minutes: total === 0 ? null : node.leaf ? `about ${formatMinutes(total)}` : `about ${formatMinutes(total)} in all`,
    };
  });
}
