import { callEndpoint, endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { trackHref } from "./tracks-api";
import type { VersionSummaryJson } from "./types";

export const versionHref = (slug: string, trackId: string, number: number) => `${trackHref(slug, trackId)}/versions/${number}`;

export const editVersionHref = (slug: string, trackId: string, number: number) => `${versionHref(slug, trackId, number)}/edit`;

export const diffHref = (slug: string, trackId: string, number: number, from?: number) => `${versionHref(slug, trackId, number)}/diff${from === undefined ? "" : `?from=${from}`}`;

/** The export's URL without its `format` (export-links.tsx adds one per link). */
export const exportBase = (slug: string, trackId: string, number: number) => endpointUrl(api.exportTrackVersion, { params: { orgSlug: slug, trackId, number } });

export function publishVersion(slug: string, trackId: string, number: number): Promise<VersionSummaryJson> {
  return callEndpoint(api.publishTrackVersion, { params: { orgSlug: slug, trackId, number } });
}

export function createDraft(slug: string, trackId: string): Promise<VersionSummaryJson> {
  return callEndpoint(api.createTrackDraft, { params: { orgSlug: slug, trackId } });
}
