/** The editor's routes for the tracks tests, and a check that a stored tree is laid out consistently. */
import { expect } from "vitest";
import { PATCH as updateTrackRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/route";
import { POST as addNodesRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/nodes/route";
import { DELETE as deleteNodeRoute, PATCH as updateNodeRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/nodes/[key]/route";
import { POST as moveNodeRoute } from "@/app/api/v1/o/[orgSlug]/tracks/[trackId]/versions/[number]/nodes/[key]/move/route";
import { callRoute } from "../support/call-route";

export interface VersionRef {
  slug: string;
  trackId: string;
  number: number;
}

export interface StoredNode {
  id: string;
  parentId: string | null;
  stableKey: string;
  ordinal: number;
  position: number;
  depth: number;
  kind: "SECTION" | "ITEM";
  title: string;
  description: string | null;
  optional: boolean;
  evidenceRequired: boolean;
  estimatedMinutes: number | null;
  resources: Array<{ title?: string; url: string }>;
}

const versionPath = (ref: VersionRef) => `/api/v1/o/${ref.slug}/tracks/${ref.trackId}/versions/${ref.number}`;
const versionParams = (ref: VersionRef) => ({ orgSlug: ref.slug, trackId: ref.trackId, number: String(ref.number) });
const precondition = (ifMatch?: string) => (ifMatch ? { "if-match": ifMatch } : undefined);

export function addNodes(ref: VersionRef, cookie: string, body: unknown, ifMatch?: string) {
  return callRoute(addNodesRoute, { path: `${versionPath(ref)}/nodes`, params: versionParams(ref), cookie, body, headers: precondition(ifMatch) });
}

export function updateNode(ref: VersionRef, cookie: string, key: string, body: unknown, ifMatch?: string) {
  return callRoute(updateNodeRoute, { path: `${versionPath(ref)}/nodes/${key}`, params: { ...versionParams(ref), key }, cookie, body, headers: precondition(ifMatch) });
}

export function moveNode(ref: VersionRef, cookie: string, key: string, body: unknown, ifMatch?: string) {
  return callRoute(moveNodeRoute, { path: `${versionPath(ref)}/nodes/${key}/move`, params: { ...versionParams(ref), key }, cookie, body, headers: precondition(ifMatch) });
}

export function deleteNode(ref: VersionRef, cookie: string, key: string, ifMatch?: string) {
  return callRoute(deleteNodeRoute, { path: `${versionPath(ref)}/nodes/${key}`, params: { ...versionParams(ref), key }, cookie, headers: precondition(ifMatch) });
}

export function updateTrack(slug: string, cookie: string, trackId: string, body: unknown) {
  return callRoute(updateTrackRoute, { path: `/api/v1/o/${slug}/tracks/${trackId}`, params: { orgSlug: slug, trackId }, cookie, body });
}

/** Ordinals run 0…n-1 in order, a parent comes before its children, depth is the parent's plus one, and siblings are numbered 0…k-1. */
export function expectConsistentTree(nodes: readonly StoredNode[]): void {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const seenChildren = new Map<string | null, number>();
  nodes.forEach((node, index) => {
    expect(node.ordinal).toBe(index);
    const parent = node.parentId === null ? null : byId.get(node.parentId);
    if (parent === undefined) throw new Error(`node ${node.stableKey} has a parent outside the version`);
    if (parent) expect(parent.ordinal).toBeLessThan(node.ordinal);
    expect(node.depth).toBe(parent ? parent.depth + 1 : 0);
    const position = seenChildren.get(node.parentId) ?? 0;
    expect(node.position).toBe(position);
    seenChildren.set(node.parentId, position + 1);
  });
}

/** The restore body for nodes a delete answered with: the first at its old place, the rest by parent index. */
export function restoreBody(removed: readonly StoredNode[], parentKey: string | null, position: number) {
  const indexOf = new Map(removed.map((node, index) => [node.id, index]));
  return {
    parentKey,
    position,
    nodes: removed.map((node, index) => ({
      kind: node.kind,
      title: node.title,
      description: node.description,
      optional: node.optional,
      evidenceRequired: node.evidenceRequired,
      estimatedMinutes: node.estimatedMinutes,
      resources: node.resources,
      stableKey: node.stableKey,
      ...(index > 0 && { parentIndex: indexOf.get(node.parentId!)! }),
    })),
  };
}
