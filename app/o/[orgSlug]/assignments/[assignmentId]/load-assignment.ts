import "server-only";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { DehydratedState } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { cache } from "react";
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import type { AssignmentDetailJson } from "@/components/assignments/roadmap/types";
import { getAssignmentEndpoint } from "@/lib/assignments/endpoints";
import { readAssignment } from "@/lib/assignments/read-assignment";
import { assignmentParamsSchema } from "@/lib/assignments/schema";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/orgs/context";

/**
 * The roadmap page reads the assignment through the service of `GET …/assignments/{id}`
 * (readAssignment, with its visibility rule: managers see all, others their own and
 * their mentees'), so another organization's assignment, one the viewer may not see, and
 * an id that cannot exist are the same 404. It comes out as the API's JSON: shaped by the
 * endpoint's response schema, then through JSON (Dates become ISO strings), so the
 * browser's cache holds the same value whether the page or a fetch filled it. Cached per
 * request, so the page and its title share one read.
 */
export const loadAssignment = cache(async (ctx: OrgContext, assignmentId: string): Promise<AssignmentDetailJson> => {
  if (!assignmentParamsSchema.shape.assignmentId.safeParse(assignmentId).success) notFound();
  try {
    const detail = getAssignmentEndpoint.response.schema.parse(await readAssignment(ctx, assignmentId));
    return JSON.parse(JSON.stringify(detail)) as AssignmentDetailJson;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

/** The detail as react-query's dehydrated state, under the key the roadmap's query reads (use-assignment.ts). */
export function dehydratedAssignment(slug: string, detail: AssignmentDetailJson): DehydratedState {
  const queryClient = new QueryClient();
  queryClient.setQueryData(assignmentKey(slug, detail.assignment.id), detail);
  return dehydrate(queryClient);
}
