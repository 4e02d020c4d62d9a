/** Shared set-up for the assignments tests: an organization with a published track, people in each role, and the routes. */
import { expect } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/o/[orgSlug]/assignments/route";
import { GET as getRoute, PATCH as updateRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/route";
import { PUT as itemRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route";
import { GET as historyRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/history/route";
import { GET as upgradeGet, POST as upgradePost } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/upgrade/route";
import { POST as bulkRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/bulk/route";
import { callRoute } from "../support/call-route";
import { updateNode } from "../tracks/edit-fixture";
import { createTrack, getVersion, organizationWith, publishVersion } from "../tracks/tracks-fixture";

/**
 * ===== Basics =====              ===== Web (optional) =====
 * - Variables                     - HTTP
 *   - Types                       - Routing
 *   - Scope
 * - Loops  (evidence required)
 */
export const TRACK_TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "  - Types", "  - Scope", "- Loops", "", "=====", "Web (optional)", "=====", "- HTTP", "- Routing", ""].join("\n");

export async function orgWithPublishedTrack() {
  const { organization, members } = await organizationWith("OWNER", "ADMIN", "MENTOR", "MENTOR", "MEMBER", "MEMBER");
  const [owner, admin, mentor, otherMentor, hire, otherHire] = members as [
    (typeof members)[number],
    (typeof members)[number],
    (typeof members)[number],
    (typeof members)[number],
    (typeof members)[number],
    (typeof members)[number],
  ];
  const slug = organization.slug;
  const created = await createTrack(slug, owner.cookie, { text: TRACK_TEXT });
  const trackId = created.json!.id as string;
  const nodes = (await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ stableKey: string; title: string }>;
  const key = (title: string) => nodes.find((node) => node.title === title)!.stableKey;
  expect((await updateNode({ slug, trackId, number: 1 }, owner.cookie, key("Loops"), { evidenceRequired: true })).status).toBe(200);
  expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
  return { organization, slug, owner, admin, mentor, otherMentor, hire, otherHire, trackId, key };
}

export function createAssignments(slug: string, cookie: string, body: unknown, idempotencyKey?: string) {
  return callRoute(createRoute, { path: `/api/v1/o/${slug}/assignments`, params: { orgSlug: slug }, cookie, body, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined });
}

export function listAssignments(slug: string, cookie: string, query = "") {
  return callRoute(listRoute, { path: `/api/v1/o/${slug}/assignments${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function getAssignment(slug: string, cookie: string, assignmentId: string) {
  return callRoute(getRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}`, params: { orgSlug: slug, assignmentId }, cookie });
}

export function updateAssignment(slug: string, cookie: string, assignmentId: string, body: unknown) {
  return callRoute(updateRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}`, params: { orgSlug: slug, assignmentId }, cookie, body });
}

export function updateItem(slug: string, cookie: string, assignmentId: string, key: string, body: unknown) {
  return callRoute(itemRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}`, params: { orgSlug: slug, assignmentId, key }, cookie, body });
}

export function bulkUpdateItems(slug: string, cookie: string, assignmentId: string, body: unknown) {
  return callRoute(bulkRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/bulk`, params: { orgSlug: slug, assignmentId }, cookie, body });
}

export function itemHistory(slug: string, cookie: string, assignmentId: string, key: string) {
  return callRoute(historyRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/history`, params: { orgSlug: slug, assignmentId, key }, cookie });
}

export function previewUpgrade(slug: string, cookie: string, assignmentId: string, to?: number) {
  return callRoute(upgradeGet, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/upgrade${to ? `?to=${to}` : ""}`, params: { orgSlug: slug, assignmentId }, cookie });
}

export function applyUpgrade(slug: string, cookie: string, assignmentId: string, toVersionNumber: number) {
  return callRoute(upgradePost, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/upgrade`, params: { orgSlug: slug, assignmentId }, cookie, body: { toVersionNumber } });
}
