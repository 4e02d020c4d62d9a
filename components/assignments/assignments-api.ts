import { apiRequest } from "@/lib/http/api-client";
import type { MemberPageJson } from "@/components/members/types";
import type { TrackSummaryJson, VersionSummaryJson } from "@/components/tracks/types";
import { apiQueryOf } from "./assignments-view";
import type { AssignmentsFilters } from "./assignments-view";
import type { VersionNode } from "./skip-options";
import type { AssignmentJson, AssignmentPageJson, AssignmentUpdate } from "./types";

const orgApi = (slug: string) => `/api/v1/o/${encodeURIComponent(slug)}`;

/** Every cached assignments list of an organization, whatever its filters: what a change invalidates. */
export const assignmentsKey = (slug: string) => ["assignments", slug] as const;

export const assignmentsHref = (slug: string) => `/o/${encodeURIComponent(slug)}/assignments`;
export const newAssignmentHref = (slug: string) => `${assignmentsHref(slug)}/new`;
export const assignmentHref = (slug: string, assignmentId: string) => `${assignmentsHref(slug)}/${encodeURIComponent(assignmentId)}`;

export function fetchAssignmentsPage(slug: string, filters: AssignmentsFilters, cursor: string | null) {
  return apiRequest<AssignmentPageJson>(`${orgApi(slug)}/assignments?${apiQueryOf(filters, cursor)}`);
}

export function createAssignments(slug: string, body: unknown, idempotencyKey: string) {
  return apiRequest<{ items: AssignmentJson[] }>(`${orgApi(slug)}/assignments`, { body, headers: { "Idempotency-Key": idempotencyKey } });
}

export function updateAssignment(slug: string, assignmentId: string, update: AssignmentUpdate) {
  return apiRequest<AssignmentJson>(`${orgApi(slug)}/assignments/${encodeURIComponent(assignmentId)}`, { method: "PATCH", body: update });
}

// The pickers read whole lists, so they ask for the largest page the API gives.
const PICKER_PAGE = 100;

export function fetchMembersPage(slug: string, cursor: string | null) {
  return apiRequest<MemberPageJson>(`${orgApi(slug)}/members?limit=${PICKER_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
}

/** A track in the list, with the field the tracks page does not use. */
export type TrackOptionJson = TrackSummaryJson & { archivedAt: string | null };

export function fetchTracksPage(slug: string, cursor: string | null) {
  return apiRequest<{ items: TrackOptionJson[]; nextCursor: string | null }>(`${orgApi(slug)}/tracks?limit=${PICKER_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
}

export interface TrackVersionsJson {
  id: string;
  title: string;
  /** Newest first. */
  versions: VersionSummaryJson[];
}

export function fetchTrackVersions(slug: string, trackId: string) {
  return apiRequest<TrackVersionsJson>(`${orgApi(slug)}/tracks/${encodeURIComponent(trackId)}`);
}

export interface VersionTreeJson {
  version: VersionSummaryJson;
  nodes: VersionNode[];
}

export function fetchVersionTree(slug: string, trackId: string, number: number) {
  return apiRequest<VersionTreeJson>(`${orgApi(slug)}/tracks/${encodeURIComponent(trackId)}/versions/${number}`);
}
