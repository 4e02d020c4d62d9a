import { defineEndpoint } from "@/lib/http/endpoint";
import {
  IMPORT_BODY_LIMIT_BYTES,
  createTrackSchema,
  exportQuerySchema,
  importPreviewSchema,
  libraryListSchema,
  listTracksQuerySchema,
  previewImportSchema,
  trackDetailSchema,
  trackPageSchema,
  trackParamsSchema,
  trackSummarySchema,
  tracksParamsSchema,
  versionParamsSchema,
  versionSummarySchema,
  versionTreeSchema,
} from "./schema";

export const previewTrackImportEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/import/preview",
  operationId: "previewTrackImport",
  summary: "Preview a roadmap import",
  description: "Parses roadmap text (Cairn's text format or Markdown: `format`, detected when `auto` or absent) and returns what importing it would store: the format read, counts, the tree, every repair made and every error with its line and column. Writes nothing.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.create",
  params: tracksParamsSchema,
  body: previewImportSchema,
  bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES,
  response: { status: 200, description: "The parse result (also when the text has errors: `ok` is false).", schema: importPreviewSchema },
});

export const createTrackEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks",
  operationId: "createTrack",
  summary: "Import a track",
  description:
    "Creates a track from roadmap text (Cairn's text format or Markdown, `format` auto-detected unless given) or a built-in library track: version 1 as a draft with every node. The title defaults to the document's `#` title. Text with errors imports nothing and answers 422 with `details.parseErrors` (line, column, code, message). Records track.created.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.create",
  params: tracksParamsSchema,
  body: createTrackSchema,
  bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES,
  response: { status: 201, description: "The new track.", schema: trackSummarySchema },
});

export const listTracksEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks",
  operationId: "listTracks",
  summary: "List tracks",
  description: "The organization's tracks, newest first, a page at a time, each with its latest version and that version's counts.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: tracksParamsSchema,
  query: listTracksQuerySchema,
  response: { status: 200, description: "One page of tracks.", schema: trackPageSchema },
});

export const getTrackEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}",
  operationId: "getTrack",
  summary: "Get a track",
  description: "A track with all its versions, newest first.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: trackParamsSchema,
  response: { status: 200, description: "The track.", schema: trackDetailSchema },
});

export const getTrackVersionEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}",
  operationId: "getTrackVersion",
  summary: "Get a track version with its tree",
  description: "Every node in pre-order. The response carries an `ETag`; send it back in `If-None-Match` to get 304 Not Modified while the version is unchanged.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: versionParamsSchema,
  response: { status: 200, description: "The version and its nodes (304 with no body when `If-None-Match` matches).", schema: versionTreeSchema },
});

export const exportTrackVersionEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/export",
  operationId: "exportTrackVersion",
  summary: "Export a track version",
  description:
    "`format=json` (the default): the version and its tree with every field, as below. `format=text`: the roadmap text format as a `text/plain` download, which imports back to the same tree (titles, order, optional flags, one-paragraph descriptions); a description the format cannot hold (blank lines, a line starting like a bullet) makes it 422 naming the node. `format=markdown`: a `text/markdown` checklist (decision 0031) that imports back to the same tree with descriptions of any length and each item's links.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: versionParamsSchema,
  query: exportQuerySchema,
  response: { status: 200, description: "The export.", schema: versionTreeSchema },
  errors: ["VALIDATION_FAILED"],
});

export const listTrackLibraryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/track-library",
  operationId: "listTrackLibrary",
  summary: "List the built-in tracks",
  description: "Tracks every organization can start from; import one with `POST /tracks` and `{ library: id }`.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: tracksParamsSchema,
  response: { status: 200, description: "The built-in tracks with their counts.", schema: libraryListSchema },
});

export const publishTrackVersionEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/publish",
  operationId: "publishTrackVersion",
  summary: "Publish a track version",
  description:
    "Makes a draft the published version: from then on it never changes (edits go into a new draft). A version already published is 409; a version without items is 422. Records track.published.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.publish",
  params: versionParamsSchema,
  response: { status: 200, description: "The version as published.", schema: versionSummarySchema },
  errors: ["CONFLICT", "VALIDATION_FAILED"],
});

export const createTrackDraftEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/drafts",
  operationId: "createTrackDraft",
  summary: "Start a new draft of a track",
  description:
    "Creates the next version as a draft holding a copy of the latest published version: every node with the same stable key, place in the tree and fields, under new ids. A track has at most one open draft: while one exists this is 409 with `details.draftNumber`; a track with no published version is 409 too. Records track.draft_created.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.create",
  params: trackParamsSchema,
  response: { status: 201, description: "The new draft.", schema: versionSummarySchema },
  errors: ["CONFLICT"],
});
