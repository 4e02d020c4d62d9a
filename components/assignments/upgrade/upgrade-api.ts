/** The upgrade endpoints the assignment and track pages call, with their cache keys (issue 15). */
import type { z } from "zod";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { trackUpgradeCandidatesSchema, trackUpgradeResultSchema, upgradePreviewSchema, upgradeResultSchema } from "@/lib/assignments/schema";
import type { Wire } from "../roadmap/types";

export type UpgradePreviewJson = Wire<z.output<typeof upgradePreviewSchema>>;
export type UpgradeResultJson = Wire<z.output<typeof upgradeResultSchema>>;
export type UpgradeCandidatesJson = Wire<z.output<typeof trackUpgradeCandidatesSchema>>;
export type UpgradeCandidateJson = UpgradeCandidatesJson["assignments"][number];
export type TrackUpgradeResultJson = Wire<z.output<typeof trackUpgradeResultSchema>>;

export const upgradePreviewKey = (slug: string, assignmentId: string) => ["assignment-upgrade", slug, assignmentId] as const;
export const upgradeCandidatesKey = (slug: string, trackId: string) => ["track-upgrades", slug, trackId] as const;

export function fetchUpgradePreview(slug: string, assignmentId: string): Promise<UpgradePreviewJson> {
  return callEndpoint(api.previewAssignmentUpgrade, { params: { orgSlug: slug, assignmentId } });
}

export function applyAssignmentUpgrade(slug: string, assignmentId: string, toVersionNumber: number): Promise<UpgradeResultJson> {
  return callEndpoint(api.applyAssignmentUpgrade, { params: { orgSlug: slug, assignmentId }, body: { toVersionNumber } });
}

export function dismissUpgradeNotice(slug: string, assignmentId: string): Promise<{ upgradeNotice: null }> {
  return callEndpoint(api.dismissAssignmentUpgradeNotice, { params: { orgSlug: slug, assignmentId } });
}

export function fetchUpgradeCandidates(slug: string, trackId: string): Promise<UpgradeCandidatesJson> {
  return callEndpoint(api.listTrackUpgradeCandidates, { params: { orgSlug: slug, trackId } });
}

export function upgradeHires(slug: string, trackId: string, body: { toVersionNumber: number; assignmentIds: string[] }): Promise<TrackUpgradeResultJson> {
  return callEndpoint(api.upgradeTrackAssignments, { params: { orgSlug: slug, trackId }, body });
}

/**
 * "3 added, 1 removed, 2 renamed, 1 moved": the parts that are not zero. Added and removed count
 * nodes, topics with the items under them, so they are not called items (decision 0040).
 */
export function changeSummary(changes: { added: number; removed: number; renamed: number; moved: number }): string {
  const parts = [
    changes.added > 0 ? `${changes.added} added` : null,
    changes.removed > 0 ? `${changes.removed} removed` : null,
    changes.renamed > 0 ? `${changes.renamed} renamed` : null,
    changes.moved > 0 ? `${changes.moved} moved` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(", ") : "no changes to the outline";
}
