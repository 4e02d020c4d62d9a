import { callEndpoint } from "@/lib/api/client";
import type { EndpointBody } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { MemberPageJson } from "@/components/members/types";
import type { TrackSummaryJson, VersionSummaryJson } from "@/components/tracks/types";
import { apiQueryOf } from "./assignments-view";
import type { AssignmentsFilters } from "./assignments-view";
import type { VersionNode } from "./skip-options";
import type { AssignmentJson, AssignmentPageJson, AssignmentUpdate } from "./types";

/** Every cached assignments list of an organization, whatever its filters: what a change invalidates. */
export const assignmentsKey = (slug: string) => ["assignments", slug] as const;

export const assignmentsHref = (slug: string) => `/o/${encodeURIComponent(slug)}/assignments`;
export const newAssignmentHref = (slug: string) => `${assignmentsHref(slug)}/new`;
export const assignmentHref = (slug: string, assignmentId: string) => `${assignmentsHref(slug)}/${encodeURIComponent(assignmentId)}`;

export function fetchAssignmentsPage(slug: string, filters: AssignmentsFilters, cursor: string | null): Promise<AssignmentPageJson> {
  return callEndpoint(api.listAssignments, { params: { orgSlug: slug }, query: apiQueryOf(filters, cursor) });
}

export function createAssignments(slug: string, body: EndpointBody<typeof api.createAssignments>, idempotencyKey: string): Promise<{ items: AssignmentJson[] }> {
  return callEndpoint(api.createAssignments, { params: { orgSlug: slug }, body, headers: { "Idempotency-Key": idempotencyKey } });
}

export function updateAssignment(slug: string, assignmentId: string, update: AssignmentUpdate) {
  return callEndpoint(api.updateAssignment, { params: { orgSlug: slug, assignmentId }, body: update });
}

// The pickers read whole lists, so they ask for the largest page the API gives.
const PICKER_PAGE = 100;

export function fetchMembersPage(slug: string, cursor: string | null): Promise<MemberPageJson> {
  return callEndpoint(api.listMembers, { params: { orgSlug: slug }, query: { limit: PICKER_PAGE, cursor: cursor || undefined } });
}

/** A track in the list, with the field the tracks page does not use. */
export type TrackOptionJson = TrackSummaryJson & { archivedAt: string | null };

export function fetchTracksPage(slug: string, cursor: string | null) {
  return callEndpoint(api.listTracks, { params: { orgSlug: slug }, query: { limit: PICKER_PAGE, cursor: cursor || undefined } });
}

export interface TrackVersionsJson {
  id: string;
  title: string;
  /** Newest first. */
  versions: VersionSummaryJson[];
}

export function fetchTrackVersions(slug: string, trackId: string) {
  return callEndpoint(api.getTrack, { params: { orgSlug: slug, trackId } });
}

export interface VersionTreeJson {
  version: VersionSummaryJson;
  nodes: VersionNode[];
}

export function fetchVersionTree(slug: string, trackId: string, number: number) {
  return callEndpoint(api.getTrackVersion, { params: { orgSlug: slug, trackId, number } });
}
