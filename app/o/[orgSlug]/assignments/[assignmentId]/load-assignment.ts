import "server-only";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findAssignment } from "@/lib/assignments/read-assignment";
import { assignmentParamsSchema } from "@/lib/assignments/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { getLogger } from "@/lib/observability/logger";
import type { OrgScope } from "@/lib/orgs/membership";

/**
 * The roadmap page reads through the same org-scoped lookup as the API
 * (visibleAssignments: managers see all, others their own and their mentees'),
 * so another organization's assignment, one the viewer may not see, and an id
 * that cannot exist are the same 404. The tree itself comes from the API in the
 * browser, where the hire's home may already have it cached. Cached per request,
 * so the page and its metadata share one lookup.
 */
export const loadAssignment = cache(async (access: OrgScope & { user: SessionUser }, assignmentId: string) => {
  if (!assignmentParamsSchema.shape.assignmentId.safeParse(assignmentId).success) notFound();
  const ctx: OrgContext = { requestId: randomUUID(), log: getLogger(), user: access.user, organization: access.organization, membership: access.membership };
  try {
    const row = await findAssignment(ctx, assignmentId);
    return { id: row.id, title: row.track.title, status: row.status, assignee: row.assignee, viewerIsAssignee: row.assigneeId === access.user.id };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
