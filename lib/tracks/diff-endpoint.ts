import { defineEndpoint } from "@/lib/http/endpoint";
import { diffQuerySchema, versionDiffResponseSchema } from "./diff-schema";
import { versionParamsSchema } from "./schema";

export const diffTrackVersionsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/tracks/{trackId}/versions/{number}/diff",
  operationId: "diffTrackVersions",
  summary: "Compare two versions of a track",
  description:
    "What changed from version `from` (by default the one before `number`) to version `number`, matching nodes by their stable key: added and removed subtrees (their top node, with how many went with it), renames, moves (to another parent, or reordered among siblings: only the fewest nodes that explain the new order) and other field changes. Each entry carries the titles of its ancestors. A `from` that does not exist is 404; a first version without `from`, or `from` equal to `number`, is 422.",
  tags: ["Tracks"],
  auth: "session",
  permission: "track.read",
  params: versionParamsSchema,
  query: diffQuerySchema,
  response: { status: 200, description: "The two versions and the changes between them.", schema: versionDiffResponseSchema },
  errors: ["VALIDATION_FAILED"],
});
