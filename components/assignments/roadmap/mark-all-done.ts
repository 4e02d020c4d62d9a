import type { EffectiveState, RoadmapModel } from "./roadmap-model";

/**
 * What a section's "Mark all done" sends: its counted leaves (not skipped, not
 * not-applicable) that are not done yet, leaving out those that need evidence
 * (done only through an approved review, which the server would refuse, and the
 * bulk write is all or nothing).
 */
export function markAllDoneKeys(model: RoadmapModel, effective: readonly EffectiveState[], sectionKey: string): string[] {
  const start = model.indexOf.get(sectionKey);
  if (start === undefined) return [];
  const keys: string[] = [];
  for (let index = start + 1; index < model.nodes[start]!.end; index++) {
    const node = model.nodes[index]!;
    const state = effective[index];
    if (node.leaf && !node.source.evidenceRequired && (state === "NOT_STARTED" || state === "IN_PROGRESS")) keys.push(node.key);
  }
  return keys;
}
