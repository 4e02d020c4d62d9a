import { apiRequest } from "@/lib/http/api-client";
import { trackHref } from "./tracks-api";
import type { VersionSummaryJson } from "./types";

const versionPath = (slug: string, trackId: string, number: number) => `/api/v1/o/${encodeURIComponent(slug)}/tracks/${encodeURIComponent(trackId)}/versions/${number}`;

export const versionHref = (slug: string, trackId: string, number: number) => `${trackHref(slug, trackId)}/versions/${number}`;

export const editVersionHref = (slug: string, trackId: string, number: number) => `${versionHref(slug, trackId, number)}/edit`;

export const diffHref = (slug: string, trackId: string, number: number, from?: number) => `${versionHref(slug, trackId, number)}/diff${from === undefined ? "" : `?from=${from}`}`;

export const exportBase = (slug: string, trackId: string, number: number) => `${versionPath(slug, trackId, number)}/export`;

export function publishVersion(slug: string, trackId: string, number: number) {
  return apiRequest<VersionSummaryJson>(`${versionPath(slug, trackId, number)}/publish`, { method: "POST" });
}

export function createDraft(slug: string, trackId: string) {
  return apiRequest<VersionSummaryJson>(`/api/v1/o/${encodeURIComponent(slug)}/tracks/${encodeURIComponent(trackId)}/drafts`, { method: "POST" });
}
