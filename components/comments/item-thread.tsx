"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSessionDraft } from "@/components/ui/use-session-draft";
import type { FormEvent, RefObject } from "react";
import { SanitizedHtml } from "@/components/evidence/sanitized-html";
import { timeAgo } from "@/components/notifications/time-ago";
import { useNowByMinute } from "@/components/reviews/use-now";
import { Button } from "@/components/ui/button";
import { EmptyNote, QueryStates } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import { deleteComment, editComment, fetchThreadPage, postComment, threadKey } from "./comments-api";
import type { CommentJson } from "./comments-api";
import { conversationOf, withSentComment } from "./thread-pages";
import type { ThreadData } from "./thread-pages";

const MAX_COMMENT = 20_000;
const personName = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

/**
 * The conversation on one item between the hire and their mentors: oldest first,
 * markdown shown as the server sanitized it; the author may edit for a while and
 * delete. What was typed stays in the box if sending fails. The newest page loads
 * first and "Show older" above the messages adds the page before it; it is one
 * infinite query under the assignment's key, so a live event refetches every page
 * on screen (each page's cursor taken from the fresh page before it).
 */
export function ItemThread({ slug, assignmentId, itemKey, readOnly }: { slug: string; assignmentId: string; itemKey: string; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const key = threadKey(slug, assignmentId, itemKey);
  const thread = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchThreadPage(slug, assignmentId, itemKey, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
  const comments = conversationOf(thread.data?.pages ?? []);
  const listRef = useRef<HTMLOListElement>(null);
  const older = useOlderPages(thread, listRef);
  // Kept in the tab until sent, like the note (use-session-draft.ts); sent, it is "" and forgotten.
  const { draft, setDraft } = useSessionDraft(`comment:${assignmentId}:${itemKey}`, "");
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const failed = (title: string) => (cause: unknown) => toast({ tone: "error", title, description: cause instanceof ApiError ? cause.message : "Try again." });

  const send = useMutation({
    mutationFn: (body: string) => postComment(slug, assignmentId, itemKey, body),
    onSuccess: (comment) => {
      queryClient.setQueryData<ThreadData>(key, (current) => withSentComment(current, comment));
      setDraft("");
      setError(null);
    },
    onError: (cause) => setError(cause instanceof ApiError ? cause.message : "The comment was not sent. Try again."),
  });
  const remove = useMutation({ mutationFn: (commentId: string) => deleteComment(slug, commentId), onSuccess: refresh, onError: failed("The comment was not deleted") });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === "") return setError("Write something first.");
    send.mutate(draft);
  }

  return (
    <section aria-labelledby={`thread-${itemKey}`} className="flex flex-col gap-3">
      <h3 id={`thread-${itemKey}`} className="text-sm font-semibold">
        Conversation
      </h3>
      <QueryStates query={thread} what="conversation" isEmpty={() => comments.length === 0} empty={<EmptyNote>No messages yet.</EmptyNote>}>
        {() => (
          <>
            {thread.hasNextPage ? (
              <div className="flex flex-col items-start gap-2">
                <Button variant="secondary" size="sm" loading={thread.isFetchingNextPage} onClick={older.show}>
                  Show older messages
                </Button>
                {thread.isFetchNextPageError ? (
                  <p role="alert" className="text-sm text-danger">
                    Older messages could not be loaded: {thread.error?.message ?? "try again"}
                  </p>
                ) : null}
              </div>
            ) : null}
            <p role="status" className="sr-only">
              {older.announcement}
            </p>
            <ol ref={listRef} aria-label="Messages" className="flex flex-col gap-3">
              {comments.map((comment) => (
                <CommentItem key={comment.id} slug={slug} comment={comment} onChanged={refresh} onDelete={() => remove.mutate(comment.id)} deleting={remove.isPending && remove.variables === comment.id} />
              ))}
            </ol>
          </>
        )}
      </QueryStates>
      {readOnly ? null : (
        <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Write a message">
          <label htmlFor={`thread-draft-${itemKey}`} className="text-sm font-medium">
            Message
          </label>
          <textarea
            id={`thread-draft-${itemKey}`}
            value={draft}
            maxLength={MAX_COMMENT}
            rows={3}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`thread-hint-${itemKey}${error ? ` thread-error-${itemKey}` : ""}`}
            className="rounded-md border border-border-strong bg-surface px-3 py-2 text-sm"
          />
          <p id={`thread-hint-${itemKey}`} className="text-xs text-muted-foreground">
            Markdown works. Ctrl+Enter sends.
          </p>
          {error ? (
            <p id={`thread-error-${itemKey}`} role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div>
            <Button type="submit" size="sm" loading={send.isPending}>
              Send
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * "Show older": when the page it asked for arrives (the number of pages grows; a live
 * refetch keeps it), a screen reader hears how many messages came, and focus stays on the
 * button while there are more; once the start of the conversation is reached the button
 * goes, and focus moves to the oldest message instead of being lost.
 */
function useOlderPages(
  thread: { data?: { pages: ReadonlyArray<{ items: unknown[] }> }; fetchNextPage: () => Promise<unknown>; hasNextPage: boolean },
  listRef: RefObject<HTMLOListElement | null>,
) {
  const pages = thread.data?.pages ?? [];
  const pageCount = pages.length;
  const added = pages.at(-1)?.items.length ?? 0;
  const askedAt = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (askedAt.current === null || pageCount <= askedAt.current) return;
    askedAt.current = null;
    setAnnouncement(`${added} older ${added === 1 ? "message" : "messages"} shown${thread.hasNextPage ? "" : "; this is the start of the conversation"}.`);
    if (!thread.hasNextPage) listRef.current?.querySelector<HTMLLIElement>(":scope > li")?.focus();
  }, [pageCount, added, thread.hasNextPage, listRef]);
  return {
    announcement,
    show: () => {
      askedAt.current = pageCount;
      void thread.fetchNextPage();
    },
  };
}

function CommentItem({ slug, comment, onChanged, onDelete, deleting }: { slug: string; comment: CommentJson; onChanged: () => void; onDelete: () => void; deleting: boolean }) {
  const { toast } = useToast();
  const [editing, setEditing] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: string) => editComment(slug, comment.id, body),
    onSuccess: () => {
      setEditing(null);
      onChanged();
    },
    onError: (cause) => toast({ tone: "error", title: "The change was not saved", description: cause instanceof ApiError ? cause.message : "Try again." }),
  });
  const now = useNowByMinute();
  // To the minute: the server has the last word (a late edit is a 409 with its reason).
  const canEdit = comment.editableUntil !== null && new Date(comment.editableUntil).getTime() > now;
  return (
    // tabIndex -1: focus can be put here (the oldest message, after "Show older" reached the start).
    <li tabIndex={-1} className="rounded-lg border border-border bg-surface p-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary">
      <p className="text-xs text-muted-foreground">
        <span className="font-medium text-foreground">{personName(comment.author)}</span> · <time dateTime={comment.createdAt}>{now === 0 ? "" : timeAgo(new Date(comment.createdAt), new Date(now))}</time>
        {comment.editedAt ? " · edited" : ""}
      </p>
      {comment.deleted ? (
        <p className="mt-1 text-sm text-muted-foreground italic">This message was deleted.</p>
      ) : editing !== null ? (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (editing.trim()) save.mutate(editing);
          }}
        >
          <label className="sr-only" htmlFor={`edit-${comment.id}`}>
            Edit the message
          </label>
          <textarea id={`edit-${comment.id}`} value={editing} rows={3} maxLength={MAX_COMMENT} onChange={(event) => setEditing(event.target.value)} className="rounded-md border border-border-strong bg-surface px-3 py-2 text-sm" />
          <div className="flex gap-2">
            <Button type="submit" size="sm" loading={save.isPending}>
              Save
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <SanitizedHtml html={comment.bodyHtml ?? ""} className="mt-1" />
      )}
      {!comment.deleted && editing === null && (canEdit || comment.canDelete) ? (
        <div className="mt-2 flex gap-2">
          {canEdit ? (
            <Button variant="ghost" size="sm" onClick={() => setEditing(comment.body ?? "")}>
              Edit
            </Button>
          ) : null}
          {comment.canDelete ? (
            <Button variant="ghost" size="sm" loading={deleting} onClick={onDelete}>
              Delete
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
