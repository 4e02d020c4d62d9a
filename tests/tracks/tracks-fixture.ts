/** Shared set-up for the tracks tests: an organization with people in given roles, and each tracks route. */
import { readFileSync } from "node:fs";
import { GET as getLibrary } from "@/app/api/v1/o/[orgSlug]/track-library/route";
import { GET as listTracksRoute, POST as createTrackRoute } from "@/app/api/v1/o/[orgSlug]/tracks/route";
import { POST as previewRoute } from "@/app/api/v1/o/[orgSlug]/tracks/import/preview/route";
import { GET as getTrackRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/route";
import { GET as getVersionRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/route";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/export/route";
import { POST as publishRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/publish/route";
import { POST as createDraftRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/drafts/route";
import { getDb } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { callRoute, randomClientIp } from "../support/call-route";

export { organizationWith } from "../members/members-fixture";

export const SEED_TEXT = readFileSync("lib/outline/seed/python-backend-roadmap.txt", "utf8");

/** Two errors: an indentation jump on line 8 and an empty item on line 9. */
export const BROKEN = ["# Broken", "", "=====", "Basics", "=====", "- Variables", "  - Types", "      - Too deep", "-", ""].join("\n");

const base = (slug: string) => `/api/v1/o/${slug}`;

export function previewImport(slug: string, cookie: string, body: unknown) {
  return callRoute(previewRoute, { path: `${base(slug)}/tracks/import/preview`, params: { orgSlug: slug }, cookie, body });
}

export function createTrack(slug: string, cookie: string, body: unknown) {
  return callRoute(createTrackRoute, { path: `${base(slug)}/tracks`, params: { orgSlug: slug }, cookie, body });
}

export function listTracks(slug: string, cookie: string, query = "") {
  return callRoute(listTracksRoute, { path: `${base(slug)}/tracks${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function getTrack(slug: string, cookie: string, trackId: string) {
  return callRoute(getTrackRoute, { path: `${base(slug)}/tracks/${trackId}`, params: { orgSlug: slug, trackId }, cookie });
}

export function getVersion(slug: string, cookie: string, trackId: string, number: string | number, headers?: Record<string, string>) {
  return callRoute(getVersionRoute, { path: `${base(slug)}/tracks/${trackId}/versions/${number}`, params: { orgSlug: slug, trackId, number: String(number) }, cookie, headers });
}

export function exportVersion(slug: string, cookie: string, trackId: string, number: string | number, format?: string) {
  return callRoute(exportRoute, {
    path: `${base(slug)}/tracks/${trackId}/versions/${number}/export${format ? `?format=${format}` : ""}`,
    params: { orgSlug: slug, trackId, number: String(number) },
    cookie,
  });
}

export function publishVersion(slug: string, cookie: string, trackId: string, number: string | number) {
  return callRoute(publishRoute, { path: `${base(slug)}/tracks/${trackId}/versions/${number}/publish`, params: { orgSlug: slug, trackId, number: String(number) }, cookie });
}

export function createDraft(slug: string, cookie: string, trackId: string) {
  return callRoute(createDraftRoute, { path: `${base(slug)}/tracks/${trackId}/drafts`, params: { orgSlug: slug, trackId }, cookie });
}

/** Like callRoute, for the text export whose body is not JSON. */
export async function exportText(slug: string, cookie: string, trackId: string, number: number) {
  const request = new Request(`http://localhost:3000${base(slug)}/tracks/${trackId}/versions/${number}/export?format=text`, { headers: { cookie, [CLIENT_IP_HEADER]: randomClientIp() } });
  const response = await exportRoute(request, { params: Promise.resolve({ orgSlug: slug, trackId, number: String(number) }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function getLibraryList(slug: string, cookie: string) {
  return callRoute(getLibrary, { path: `${base(slug)}/track-library`, params: { orgSlug: slug }, cookie });
}

/** Rows the tracks tables hold for an organization: proof that a refused call wrote nothing. */
export async function trackRowCounts(organizationId: string) {
  const db = getDb();
  const [tracks, versions, nodes, events] = await Promise.all([
    db.track.count({ where: { organizationId } }),
    db.trackVersion.count({ where: { organizationId } }),
    db.trackNode.count({ where: { organizationId } }),
    db.event.count({ where: { organizationId } }),
  ]);
  return { tracks, versions, nodes, events };
}
