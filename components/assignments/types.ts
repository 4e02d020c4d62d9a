import type { AssignmentSummary } from "@/lib/assignments/schema";

/** An assignment as the API sends it: instants travel as ISO strings (days already are strings). */
export type AssignmentJson = Omit<AssignmentSummary, "completedAt" | "archivedAt" | "createdAt"> & {
  completedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
};

export type AssignmentStatus = AssignmentJson["status"];
export type PersonJson = AssignmentJson["assignee"];

export interface AssignmentPageJson {
  items: AssignmentJson[];
  nextCursor: string | null;
}

/** What PATCH /assignments/{id} takes: any of the three. */
export interface AssignmentUpdate {
  mentorIds?: string[];
  dueDate?: string | null;
  archived?: boolean;
}
