import { deleteCommentEndpoint, editCommentEndpoint } from "@/lib/comments/endpoints";
import { deleteComment, editComment } from "@/lib/comments/item-comments";
import { handle } from "@/lib/http/handle";

export const PATCH = handle(editCommentEndpoint, async ({ ctx, params, body }) => editComment(ctx, params.commentId, body));

export const DELETE = handle(deleteCommentEndpoint, async ({ ctx, params }) => deleteComment(ctx, params.commentId));
