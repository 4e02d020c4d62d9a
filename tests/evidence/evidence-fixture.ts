/** The evidence routes, and an assignment of the starter track (Loops needs evidence) to a hire with a mentor. */
import { expect } from "vitest";
import { GET as listRoute, POST as submitRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/evidence/route";
import { POST as reviewRoute } from "@/app/api/v1/o/[orgSlug]/evidence/[attemptId]/review/route";
import { GET as queueRoute } from "@/app/api/v1/o/[orgSlug]/reviews/route";
import { POST as bulkApproveRoute } from "@/app/api/v1/o/[orgSlug]/evidence/approve/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { createAssignments, orgWithPublishedTrack } from "../assignments/assignments-fixture";

export async function assignedOrg() {
  const org = await orgWithPublishedTrack();
  const { status, json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId] });
  expect(status).toBe(201);
  const assignmentId = json!.items[0].id as string;
  // The evidence tests count evidence and thread notices: the "assigned" ones (tests/reminders) are cleared.
  await getDb().notification.deleteMany({ where: { assignmentId, type: "assignment.assigned" } });
  return { ...org, assignmentId };
}

export function submitEvidence(slug: string, cookie: string, assignmentId: string, key: string, body: unknown, idempotencyKey?: string) {
  return callRoute(submitRoute, {
    path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/evidence`,
    params: { orgSlug: slug, assignmentId, key },
    cookie,
    body,
    headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
  });
}

export function listEvidence(slug: string, cookie: string, assignmentId: string, key: string) {
  return callRoute(listRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/evidence`, params: { orgSlug: slug, assignmentId, key }, cookie });
}

export function reviewEvidence(slug: string, cookie: string, attemptId: string, body: unknown) {
  return callRoute(reviewRoute, { path: `/api/v1/o/${slug}/evidence/${attemptId}/review`, params: { orgSlug: slug, attemptId }, cookie, body });
}

export function reviewQueue(slug: string, cookie: string, query = "") {
  return callRoute(queueRoute, { path: `/api/v1/o/${slug}/reviews${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function bulkApprove(slug: string, cookie: string, body: unknown) {
  return callRoute(bulkApproveRoute, { path: `/api/v1/o/${slug}/evidence/approve`, params: { orgSlug: slug }, cookie, body });
}
