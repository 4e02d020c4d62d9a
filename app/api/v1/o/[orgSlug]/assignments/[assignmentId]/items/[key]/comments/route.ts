import { createItemCommentEndpoint, listItemCommentsEndpoint } from "@/lib/comments/endpoints";
import { createItemComment, listItemComments } from "@/lib/comments/item-comments";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listItemCommentsEndpoint, async ({ ctx, params, query }) => listItemComments(ctx, params.assignmentId, params.key, query));

export const POST = handle(createItemCommentEndpoint, async ({ ctx, params, body }) => createItemComment(ctx, params.assignmentId, params.key, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
