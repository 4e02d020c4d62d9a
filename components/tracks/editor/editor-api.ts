/** The editor's calls to the tracks API. Every edit sends the draft's last known ETag as If-Match. */
import { apiExchange, apiRequest } from "@/lib/http/api-client";
import type { AddNodesInput, MoveNodeInput, UpdateNodeInput } from "@/lib/tracks/edit-schema";
import type { TrackSummaryJson } from "../types";
import type { EditResultJson, VersionTreeJson } from "./types";

/** Which draft the editor works on. */
export interface EditorTarget {
  slug: string;
  trackId: string;
  number: number;
}

/** The version's tree (confirmed state) in the query cache. */
export const versionKey = (target: EditorTarget) => ["track-version", target.slug, target.trackId, target.number] as const;
/** Every edit of this draft: one mutation key, one scope, so they reach the server one at a time and in order. */
export const editKey = (target: EditorTarget) => ["track-edit", target.slug, target.trackId, target.number] as const;

const trackPath = (target: EditorTarget) => `/api/v1/o/${encodeURIComponent(target.slug)}/tracks/${encodeURIComponent(target.trackId)}`;
const versionPath = (target: EditorTarget) => `${trackPath(target)}/versions/${target.number}`;
const nodePath = (target: EditorTarget, key: string) => `${versionPath(target)}/nodes/${encodeURIComponent(key)}`;
const ifMatch = (etag: string) => (etag ? { "if-match": etag } : undefined);

/**
 * The server answers `Cache-Control: private, no-cache` with an ETag, so the
 * browser keeps the tree and revalidates it: an unchanged draft costs a 304.
 */
export async function fetchVersion(target: EditorTarget): Promise<{ tree: VersionTreeJson; etag: string }> {
  const { data, headers } = await apiExchange<VersionTreeJson>(versionPath(target));
  return { tree: data, etag: headers.get("etag") ?? "" };
}

export function addNodes(target: EditorTarget, etag: string, body: AddNodesInput) {
  return apiRequest<EditResultJson>(`${versionPath(target)}/nodes`, { body, headers: ifMatch(etag) });
}

export function updateNode(target: EditorTarget, etag: string, key: string, body: UpdateNodeInput) {
  return apiRequest<EditResultJson>(nodePath(target, key), { method: "PATCH", body, headers: ifMatch(etag) });
}

export function moveNode(target: EditorTarget, etag: string, key: string, body: MoveNodeInput) {
  return apiRequest<EditResultJson>(`${nodePath(target, key)}/move`, { body, headers: ifMatch(etag) });
}

export function deleteNode(target: EditorTarget, etag: string, key: string) {
  return apiRequest<EditResultJson>(nodePath(target, key), { method: "DELETE", headers: ifMatch(etag) });
}

export function renameTrack(target: EditorTarget, title: string) {
  return apiRequest<TrackSummaryJson>(trackPath(target), { method: "PATCH", body: { title } });
}
