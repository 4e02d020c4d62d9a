import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { LibraryId } from "@/lib/tracks/library-ids";
import type { ImportPreviewJson, TrackPageJson, TrackSummaryJson } from "./types";

/** Every cached tracks list of an organization: what an import invalidates. */
export const tracksKey = (slug: string) => ["tracks", slug] as const;

export const trackHref = (slug: string, trackId: string) => `/o/${encodeURIComponent(slug)}/tracks/${encodeURIComponent(trackId)}`;

export function fetchTracksPage(slug: string, cursor: string | null): Promise<TrackPageJson> {
  return callEndpoint(api.listTracks, { params: { orgSlug: slug }, query: { cursor: cursor || undefined } });
}

/** "auto" detects the format from the text (decision 0031). */
export type ImportFormat = "auto" | "text" | "markdown";

export function previewTrackImport(slug: string, text: string, format: ImportFormat = "auto"): Promise<ImportPreviewJson> {
  return callEndpoint(api.previewTrackImport, { params: { orgSlug: slug }, body: { text, format } });
}

export type CreateTrackBody = { title?: string; text: string; format?: ImportFormat; tidyTitles?: boolean } | { title?: string; library: LibraryId };

export function createTrack(slug: string, body: CreateTrackBody): Promise<TrackSummaryJson> {
  return callEndpoint(api.createTrack, { params: { orgSlug: slug }, body });
}
