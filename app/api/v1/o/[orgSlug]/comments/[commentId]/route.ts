import { deleteCommentEndpoint, editCommentEndpoint } from "@/lib/comments/endpoints";
import { deleteComment, editComment } from "@/lib/comments/item-comments";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const PATCH = handle(editCommentEndpoint, async ({ ctx, params, body }) => editComment(ctx, params.commentId, body));

export const DELETE = handle(deleteCommentEndpoint, async ({ ctx, params }) => deleteComment(ctx, params.commentId));

export const { GET, POST, PUT } = otherMethods({ PATCH, DELETE });
