/**
 * The hire's items due this week (decision 0030): across their active assignments, every open
 * counted item whose due day (its own or a section's, the earlier) is past or within the next
 * 7 days, soonest first. Pure; today is passed in.
 */
import { dueWords, effectiveDueDays, isDueThisWeek } from "@/lib/assignments/pacing";
import { buildRoadmapModel, effectiveStates, statesOf } from "../roadmap/roadmap-model";
import type { AssignmentDetailJson } from "../roadmap/types";

/** Enough to plan a week without turning the home page into the roadmap. */
export const THIS_WEEK_LIMIT = 12;

export interface WeekItem {
  assignmentId: string;
  trackTitle: string;
  key: string;
  title: string;
  dueDay: string;
  due: string;
  overdue: boolean;
}

export function dueThisWeek(details: readonly AssignmentDetailJson[], today: string): { items: WeekItem[]; more: number } {
  const all: WeekItem[] = [];
  for (const detail of details) {
    if (detail.assignment.status !== "ACTIVE") continue;
    const model = buildRoadmapModel(detail.nodes, detail.assignment.skippedKeys);
    const effective = effectiveStates(model, statesOf(detail.progress));
    const days = effectiveDueDays(detail.nodes, detail.assignment.startDate);
    model.nodes.forEach((node, index) => {
      const state = effective[index];
      if (!node.leaf || (state !== "NOT_STARTED" && state !== "IN_PROGRESS")) return;
      const dueDay = days.get(node.source.id) ?? null;
      if (dueDay === null || !isDueThisWeek(dueDay, today)) return;
      const words = dueWords(dueDay, today);
      all.push({ assignmentId: detail.assignment.id, trackTitle: detail.assignment.track.title, key: node.key, title: node.title, dueDay, due: words.text, overdue: words.overdue });
    });
  }
  // Soonest first; the tree's order within a day (the sort is stable).
  all.sort((a, b) => (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : 0));
  return { items: all.slice(0, THIS_WEEK_LIMIT), more: Math.max(0, all.length - THIS_WEEK_LIMIT) };
}
