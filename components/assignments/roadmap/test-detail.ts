/** A small assignment detail for the unit tests, in the API's JSON shape. */
import type { AssignmentDetailJson, ItemProgressJson, TrackNodeJson } from "./types";

export type OutlineLine = [depth: number, kind: "SECTION" | "ITEM", title: string, flags?: { evidenceRequired?: boolean; optional?: boolean }];

/**
 * Basics                 (section)
 *   Variables            (item with children)
 *     Types
 *     Scope
 *   Loops                (needs evidence)
 * Web                    (section)
 *   HTTP
 *   Routing
 *     Paths
 * Empty                  (section with nothing in it)
 */
export const OUTLINE: OutlineLine[] = [
  [0, "SECTION", "Basics"],
  [1, "ITEM", "Variables"],
  [2, "ITEM", "Types"],
  [2, "ITEM", "Scope"],
  [1, "ITEM", "Loops", { evidenceRequired: true }],
  [0, "SECTION", "Web"],
  [1, "ITEM", "HTTP"],
  [1, "ITEM", "Routing"],
  [2, "ITEM", "Paths"],
  [0, "SECTION", "Empty"],
];

export const keyOf = (title: string) => `key-${title.toLowerCase()}`;

export function nodesOf(outline: readonly OutlineLine[]): TrackNodeJson[] {
  const stack: TrackNodeJson[] = [];
  const positions = new Map<string | null, number>();
  return outline.map(([depth, kind, title, flags], ordinal) => {
    stack.length = depth;
    const parentId = depth === 0 ? null : stack[depth - 1]!.id;
    const position = positions.get(parentId) ?? 0;
    positions.set(parentId, position + 1);
    const node: TrackNodeJson = {
      id: `id-${title.toLowerCase()}`,
      parentId,
      stableKey: keyOf(title),
      ordinal,
      position,
      depth,
      kind,
      title,
      description: null,
      optional: flags?.optional ?? false,
      evidenceRequired: flags?.evidenceRequired ?? false,
      verificationRequired: false,
      estimatedMinutes: null,
      due: null,
      resources: [],
    };
    stack[depth] = node;
    return node;
  });
}

export function progressRow(title: string, state: ItemProgressJson["state"], extra: Partial<ItemProgressJson> = {}): ItemProgressJson {
  return { stableKey: keyOf(title), state, notApplicableReason: state === "NOT_APPLICABLE" ? "Not for us" : null, note: null, links: [], updatedAt: "2026-01-01T00:00:00.000Z", archived: false, ...extra };
}

/** The detail as the API would send it; counts start at zero and are filled by the code under test where it matters. */
export function detailOf({
  outline = OUTLINE,
  progress = [],
  skippedKeys = [],
  status = "ACTIVE",
  evidence = {},
}: {
  outline?: OutlineLine[];
  progress?: ItemProgressJson[];
  skippedKeys?: string[];
  status?: AssignmentDetailJson["assignment"]["status"];
  evidence?: AssignmentDetailJson["evidence"];
} = {}): AssignmentDetailJson {
  const nodes = nodesOf(outline);
  const zero = { total: 0, done: 0, inProgress: 0, notApplicable: 0, skipped: 0, percent: 0 };
  const person = { id: "u1", name: "Noah Kim", email: "noah@example.test" };
  return {
    assignment: {
      id: "a1",
      status,
      track: { id: "t1", title: "Starter" },
      version: { id: "v1", number: 1 },
      assignee: person,
      mentors: [{ id: "u2", name: "Mei Chen", email: "mei@example.test" }],
      startDate: "2026-01-01",
      dueDate: null,
      overdue: false,
      skippedKeys,
      completedAt: null,
      archivedAt: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      progress: zero,
    },
    nodes,
    progress,
    evidence,
    sections: nodes.filter((node) => node.kind === "SECTION").map((node) => ({ key: node.stableKey, counts: zero })),
    nextUp: [],
    archivedItems: [],
    upgradeNotice: null,
    newerVersion: null,
  };
}
