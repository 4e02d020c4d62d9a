import { apiRequest } from "@/lib/http/api-client";
import type { LibraryId } from "@/lib/tracks/library-ids";
import type { ImportPreviewJson, TrackPageJson, TrackSummaryJson } from "./types";

const tracksPath = (slug: string) => `/api/v1/o/${encodeURIComponent(slug)}/tracks`;

/** Every cached tracks list of an organization: what an import invalidates. */
export const tracksKey = (slug: string) => ["tracks", slug] as const;

export const trackHref = (slug: string, trackId: string) => `/o/${encodeURIComponent(slug)}/tracks/${encodeURIComponent(trackId)}`;

export function fetchTracksPage(slug: string, cursor: string | null) {
  return apiRequest<TrackPageJson>(`${tracksPath(slug)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
}

/** "auto" detects the format from the text (decision 0031). */
export type ImportFormat = "auto" | "text" | "markdown";

export function previewTrackImport(slug: string, text: string, format: ImportFormat = "auto") {
  return apiRequest<ImportPreviewJson>(`${tracksPath(slug)}/import/preview`, { body: { text, format } });
}

export type CreateTrackBody = { title?: string; text: string; format?: ImportFormat } | { title?: string; library: LibraryId };

export function createTrack(slug: string, body: CreateTrackBody) {
  return apiRequest<TrackSummaryJson>(tracksPath(slug), { body });
}
