/** An item's thread as the browser calls it, and its cache key (under the assignment's, so refreshing an assignment refreshes its threads). */
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";

export interface CommentJson {
  id: string;
  author: { id: string; name: string | null; email: string };
  body: string | null;
  bodyHtml: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  editableUntil: string | null;
  canDelete: boolean;
}


export const threadKey = (slug: string, assignmentId: string, key: string) => [...assignmentKey(slug, assignmentId), "comments", key] as const;

/** One page of a thread: newest first; `nextCursor` leads to older comments (null at the start of the conversation). */
export interface ThreadPageJson {
  items: CommentJson[];
  nextCursor: string | null;
}

/** Comments per page: the API's default, written out so the browser and the server agree on what one page is. */
export const THREAD_PAGE_SIZE = 30;

export const fetchThreadPage = (slug: string, assignmentId: string, key: string, cursor: string | undefined): Promise<ThreadPageJson> =>
  callEndpoint(api.listItemComments, { params: { orgSlug: slug, assignmentId, key }, query: { limit: THREAD_PAGE_SIZE, cursor } });
export const postComment = (slug: string, assignmentId: string, key: string, body: string): Promise<CommentJson> =>
  callEndpoint(api.createItemComment, { params: { orgSlug: slug, assignmentId, key }, body: { body } });
export const editComment = (slug: string, commentId: string, body: string): Promise<CommentJson> =>
  callEndpoint(api.editComment, { params: { orgSlug: slug, commentId }, body: { body } });
export const deleteComment = (slug: string, commentId: string): Promise<CommentJson> => callEndpoint(api.deleteComment, { params: { orgSlug: slug, commentId } });
