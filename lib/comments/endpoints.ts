import { defineEndpoint } from "@/lib/http/endpoint";
import { COMMENT_WRITE_RATE_LIMITS } from "@/lib/security/limits";
import { commentBodySchema, commentPageSchema, commentParamsSchema, commentSchema, itemCommentsParamsSchema, listItemCommentsQuerySchema } from "./schema";

const WHO = "Everyone who sees the assignment (the hire, their mentors, owners and admins) reads and writes its threads; any other id is 404.";

export const listItemCommentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}/comments",
  operationId: "listItemComments",
  summary: "Read an item's thread",
  description: `A page at a time, newest first: \`nextCursor\` leads to older comments. Deleted comments keep their place without their text. ${WHO}`,
  tags: ["Threads"],
  auth: "session",
  permission: "assignment.read",
  params: itemCommentsParamsSchema,
  query: listItemCommentsQuerySchema,
  response: { status: 200, description: "A page of the thread.", schema: commentPageSchema },
});

export const createItemCommentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}/comments",
  operationId: "createItemComment",
  summary: "Comment on an item",
  description: `Markdown. The others in the conversation are notified. ${WHO} Records comment.created.`,
  tags: ["Threads"],
  auth: "session",
  permission: "comment.write",
  params: itemCommentsParamsSchema,
  body: commentBodySchema,
  rateLimits: COMMENT_WRITE_RATE_LIMITS,
  response: { status: 201, description: "The new comment.", schema: commentSchema },
  errors: ["CONFLICT"],
});

export const editCommentEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/comments/{commentId}",
  operationId: "editComment",
  summary: "Edit one's comment",
  description: "Only its author, within 15 minutes of writing it (409 after); anyone else is 403. Records comment.edited.",
  tags: ["Threads"],
  auth: "session",
  permission: "comment.write",
  params: commentParamsSchema,
  body: commentBodySchema,
  rateLimits: COMMENT_WRITE_RATE_LIMITS,
  response: { status: 200, description: "The edited comment.", schema: commentSchema },
  errors: ["CONFLICT"],
});

export const deleteCommentEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/comments/{commentId}",
  operationId: "deleteComment",
  summary: "Delete one's comment",
  description: "Only its author (403 for anyone else, mentors and admins included): it keeps its place in the thread without its text. Records comment.deleted.",
  tags: ["Threads"],
  auth: "session",
  permission: "comment.write",
  params: commentParamsSchema,
  response: { status: 200, description: "The comment as it now shows.", schema: commentSchema },
});
