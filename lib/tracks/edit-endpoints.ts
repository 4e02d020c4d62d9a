import { defineEndpoint } from "@/lib/http/endpoint";
import { addNodesSchema, editResultSchema, moveNodeSchema, nodeParamsSchema, updateNodeSchema, updateTrackSchema } from "./edit-schema";
import { IMPORT_BODY_LIMIT_BYTES, trackParamsSchema, trackSummarySchema, versionParamsSchema } from "./schema";

const DRAFT_RULES =
  "Only a draft changes (a published version is 409). Send the version's `ETag` as `If-Match` to have the edit refused with 412 when the draft changed since you read it. Records track.draft_edited.";

const SHAPE_RULES = "The tree must stay one the roadmap text format can hold: sections only at the top level, items inside sections (or only items when there are no sections), at most 16 levels and 5,000 items; anything else is 422.";

export const updateTrackEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}",
  operationId: "updateTrack",
  summary: "Rename a track",
  description: "Changes the track's title or description (not versioned: they name the track, not its content). Records track.updated.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.edit",
  params: trackParamsSchema,
  body: updateTrackSchema,
  response: { status: 200, description: "The track.", schema: trackSummarySchema },
});

export const addTrackNodesEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/nodes",
  operationId: "addTrackNodes",
  summary: "Add a node to a draft",
  description: `Adds a section or an item under \`parentKey\` at \`position\`; with more \`nodes\` (each naming its parent by index) a whole subtree, as undoing a delete does. ${SHAPE_RULES} ${DRAFT_RULES}`,
  tags: ["Tracks"],
  auth: "session",
  permission: "track.edit",
  params: versionParamsSchema,
  body: addNodesSchema,
  bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES,
  response: { status: 201, description: "The draft and the added nodes.", schema: editResultSchema },
  errors: ["CONFLICT", "PRECONDITION_FAILED"],
});

export const updateTrackNodeEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/nodes/{key}",
  operationId: "updateTrackNode",
  summary: "Change a node of a draft",
  description: `Renames a node or changes its description (markdown), links, estimated minutes and flags; the stable key stays. ${DRAFT_RULES}`,
  tags: ["Tracks"],
  auth: "session",
  permission: "track.edit",
  params: nodeParamsSchema,
  body: updateNodeSchema,
  response: { status: 200, description: "The draft and the changed node.", schema: editResultSchema },
  errors: ["CONFLICT", "PRECONDITION_FAILED"],
});

export const moveTrackNodeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/nodes/{key}/move",
  operationId: "moveTrackNode",
  summary: "Move a node of a draft",
  description: `Moves a node with everything under it to \`parentKey\` at \`position\` (counted among the siblings it will have); indenting and outdenting are moves. Its stable key stays, so progress follows it. ${SHAPE_RULES} ${DRAFT_RULES}`,
  tags: ["Tracks"],
  auth: "session",
  permission: "track.edit",
  params: nodeParamsSchema,
  body: moveNodeSchema,
  response: { status: 200, description: "The draft and the moved nodes.", schema: editResultSchema },
  errors: ["CONFLICT", "PRECONDITION_FAILED"],
});

export const deleteTrackNodeEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/nodes/{key}",
  operationId: "deleteTrackNode",
  summary: "Delete a node of a draft",
  description: `Deletes a node with everything under it and answers with what was deleted, in the shape \`addTrackNodes\` takes back (undo). ${DRAFT_RULES}`,
  tags: ["Tracks"],
  auth: "session",
  permission: "track.edit",
  params: nodeParamsSchema,
  response: { status: 200, description: "The draft and the deleted nodes (pre-order).", schema: editResultSchema },
  errors: ["CONFLICT", "PRECONDITION_FAILED"],
});
