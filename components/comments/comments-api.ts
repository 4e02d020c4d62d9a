/** An item's thread as the browser calls it, and its cache key (under the assignment's, so refreshing an assignment refreshes its threads). */
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import { apiRequest } from "@/lib/http/api-client";

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

const orgApi = (slug: string) => `/api/v1/o/${encodeURIComponent(slug)}`;
const threadPath = (slug: string, assignmentId: string, key: string) => `${orgApi(slug)}/assignments/${encodeURIComponent(assignmentId)}/items/${encodeURIComponent(key)}/comments`;

export const threadKey = (slug: string, assignmentId: string, key: string) => [...assignmentKey(slug, assignmentId), "comments", key] as const;

/** One page of a thread: newest first; `nextCursor` leads to older comments (null at the start of the conversation). */
export interface ThreadPageJson {
  items: CommentJson[];
  nextCursor: string | null;
}

/** Comments per page: the API's default, written out so the browser and the server agree on what one page is. */
export const THREAD_PAGE_SIZE = 30;

export const fetchThreadPage = (slug: string, assignmentId: string, key: string, cursor: string | undefined) =>
  apiRequest<ThreadPageJson>(`${threadPath(slug, assignmentId, key)}?limit=${THREAD_PAGE_SIZE}${cursor === undefined ? "" : `&cursor=${encodeURIComponent(cursor)}`}`);
export const postComment = (slug: string, assignmentId: string, key: string, body: string) =>
  apiRequest<CommentJson>(threadPath(slug, assignmentId, key), { method: "POST", body: { body } });
export const editComment = (slug: string, commentId: string, body: string) =>
  apiRequest<CommentJson>(`${orgApi(slug)}/comments/${encodeURIComponent(commentId)}`, { method: "PATCH", body: { body } });
export const deleteComment = (slug: string, commentId: string) => apiRequest<CommentJson>(`${orgApi(slug)}/comments/${encodeURIComponent(commentId)}`, { method: "DELETE" });
