/**
 * The thread's pages as react-query holds them (newest first, each page older than
 * the one before) → the conversation as it reads (oldest first), and a sent comment
 * added to them before the server's next page arrives.
 */
import type { InfiniteData } from "@tanstack/react-query";
import type { CommentJson, ThreadPageJson } from "./comments-api";

export type ThreadData = InfiniteData<ThreadPageJson, string | undefined>;

/**
 * Oldest first, each comment once: a comment can be on two pages for a moment (one
 * sent here and also in a page refetched after a live event).
 */
export function conversationOf(pages: readonly ThreadPageJson[]): CommentJson[] {
  const seen = new Set<string>();
  const newestFirst: CommentJson[] = [];
  for (const comment of pages.flatMap((page) => page.items)) {
    if (seen.has(comment.id)) continue;
    seen.add(comment.id);
    newestFirst.push(comment);
  }
  return newestFirst.reverse();
}

/** The pages with a comment the caller just sent as the newest (it replaces a copy already there). */
export function withSentComment(data: ThreadData | undefined, comment: CommentJson): ThreadData | undefined {
  if (!data || data.pages.length === 0) return data;
  const [newest, ...older] = data.pages;
  return { ...data, pages: [{ ...newest!, items: [comment, ...newest!.items.filter((item) => item.id !== comment.id)] }, ...older] };
}
