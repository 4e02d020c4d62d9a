/** The editor's calls to the tracks API. Every edit sends the draft's last known ETag as If-Match. */
import { callEndpoint, exchangeEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
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

const versionParams = (target: EditorTarget) => ({ orgSlug: target.slug, trackId: target.trackId, number: target.number });
const nodeParams = (target: EditorTarget, key: string) => ({ ...versionParams(target), key });
const ifMatch = (etag: string) => (etag ? { "if-match": etag } : undefined);

/**
 * The server answers `Cache-Control: private, no-cache` with an ETag, so the
 * browser keeps the tree and revalidates it: an unchanged draft costs a 304.
 */
export async function fetchVersion(target: EditorTarget): Promise<{ tree: VersionTreeJson; etag: string }> {
  const { data, headers } = await exchangeEndpoint(api.getTrackVersion, { params: versionParams(target) });
  return { tree: data, etag: headers.get("etag") ?? "" };
}

export function addNodes(target: EditorTarget, etag: string, body: AddNodesInput): Promise<EditResultJson> {
  return callEndpoint(api.addTrackNodes, { params: versionParams(target), body, headers: ifMatch(etag) });
}

export function updateNode(target: EditorTarget, etag: string, key: string, body: UpdateNodeInput): Promise<EditResultJson> {
  return callEndpoint(api.updateTrackNode, { params: nodeParams(target, key), body, headers: ifMatch(etag) });
}

export function moveNode(target: EditorTarget, etag: string, key: string, body: MoveNodeInput): Promise<EditResultJson> {
  return callEndpoint(api.moveTrackNode, { params: nodeParams(target, key), body, headers: ifMatch(etag) });
}

export function deleteNode(target: EditorTarget, etag: string, key: string): Promise<EditResultJson> {
  return callEndpoint(api.deleteTrackNode, { params: nodeParams(target, key), headers: ifMatch(etag) });
}

export function renameTrack(target: EditorTarget, title: string): Promise<TrackSummaryJson> {
  return callEndpoint(api.updateTrack, { params: { orgSlug: target.slug, trackId: target.trackId }, body: { title } });
}
