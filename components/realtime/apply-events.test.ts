import { InfiniteQueryObserver, QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { threadKey } from "@/components/comments/comments-api";
import type { CommentJson, ThreadPageJson } from "@/components/comments/comments-api";
import { conversationOf } from "@/components/comments/thread-pages";
import { withItems } from "@/components/assignments/roadmap/optimistic-progress";
import { detailOf, keyOf } from "@/components/assignments/roadmap/test-detail";
import type { AssignmentDetailJson } from "@/components/assignments/roadmap/types";
import { applyLiveEvents } from "./apply-events";
import type { LiveEvent } from "./live-stream";

const event = (type: string, subjectType: string, subjectId: string): LiveEvent => ({ sequence: 1, type, subjectType, subjectId, actorId: null, payload: {}, createdAt: "2026-11-26T00:00:00Z" });

function cacheWith(...keys: ReadonlyArray<readonly unknown[]>) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { cached: true });
  const stale = () => keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key.join("/"));
  return { client, stale };
}

describe("applyLiveEvents", () => {
  it("marks the assignment's detail, evidence and lists stale for an assignment's event, and nothing of another's", () => {
    const { client, stale } = cacheWith(["assignment", "acme", "a1"], ["assignment", "acme", "a1", "evidence", "k"], ["assignment", "acme", "a2"], ["assignments", "acme"], ["review-queue", "acme"]);
    applyLiveEvents(client, "acme", [event("progress.updated", "assignment", "a1")]);
    expect(stale()).toEqual(["assignment/acme/a1", "assignment/acme/a1/evidence/k", "assignments/acme"]);
  });

  it("applies a progress event to the cached assignment in place and reads again only that item's history", () => {
    const detail = detailOf();
    const { client, stale } = cacheWith(["assignment", "acme", "a1", "history", keyOf("Types")], ["assignment", "acme", "a1", "history", keyOf("Scope")], ["assignment", "acme", "a1", "evidence", keyOf("Types")]);
    client.setQueryData(["assignment", "acme", "a1"], withItems(detail, new Map()));
    applyLiveEvents(client, "acme", [{ ...event("progress.updated", "assignment", "a1"), payload: { assignmentId: "a1", key: keyOf("Types"), from: "NOT_STARTED", to: "DONE" } }]);
    expect(stale()).toEqual([`assignment/acme/a1/history/${keyOf("Types")}`]);
    expect(client.getQueryState(["assignment", "acme", "a1"])?.isInvalidated).toBe(false);
    const patched = client.getQueryData<AssignmentDetailJson>(["assignment", "acme", "a1"])!;
    expect(patched.progress).toMatchObject([{ stableKey: keyOf("Types"), state: "DONE" }]);
    expect(patched.assignment.progress.done).toBe(1);
  });

  it("reads the assignment again when the event cannot be applied in place", () => {
    const { client } = cacheWith();
    client.setQueryData(["assignment", "acme", "a1"], detailOf());
    applyLiveEvents(client, "acme", [{ ...event("progress.updated", "assignment", "a1"), payload: { assignmentId: "a1", key: keyOf("Types"), from: "IN_PROGRESS", to: "DONE" } }]);
    expect(client.getQueryState(["assignment", "acme", "a1"])?.isInvalidated).toBe(true);
  });

  it("refreshes the review queue and notifications for evidence, and leaves an open track editor alone for track events", () => {
    const { client, stale } = cacheWith(["review-queue", "acme"], ["review-count", "acme"], ["notifications", "acme"], ["tracks", "acme"], ["track-version", "acme", "t1", 1]);
    applyLiveEvents(client, "acme", [event("evidence.submitted", "assignment", "a1"), event("track.draft_edited", "track", "t1")]);
    expect(stale()).toEqual(["review-queue/acme", "review-count/acme", "notifications/acme", "tracks/acme"]);
  });

  it("refreshes the assignment, the dashboards, the feed and the bell for the hourly scan's stuck and overdue events", () => {
    const { client, stale } = cacheWith(["assignment", "acme", "a1"], ["manager-dashboard", "acme"], ["activity", "acme"], ["notifications", "acme"], ["review-queue", "acme"]);
    applyLiveEvents(client, "acme", [event("assignment.overdue", "assignment", "a1"), event("assignment.stuck", "assignment", "a1")]);
    expect(stale()).toEqual(["assignment/acme/a1", "manager-dashboard/acme", "activity/acme", "notifications/acme"]);
  });

  it("never cancels a read under way: events that come during it are read once more when it ends", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const answers: Array<(value: number) => void> = [];
    const observer = new QueryObserver(client, { queryKey: ["mentor-dashboard", "acme"], queryFn: () => new Promise<number>((resolve) => answers.push(resolve)) });
    const unsubscribe = observer.subscribe(() => undefined);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
    answers[0]!(1);
    await settle();
    applyLiveEvents(client, "acme", [event("progress.updated", "assignment", "a1")]);
    expect(answers).toHaveLength(2);
    // Two more batches while that read is under way: it is kept, and nothing starts yet.
    applyLiveEvents(client, "acme", [event("progress.updated", "assignment", "a2")]);
    applyLiveEvents(client, "acme", [event("progress.updated", "assignment", "a3")]);
    expect(answers).toHaveLength(2);
    answers[1]!(2);
    await settle();
    expect(client.getQueryData(["mentor-dashboard", "acme"])).toBe(2);
    // One more read for both, after it.
    expect(answers).toHaveLength(3);
    answers[2]!(3);
    await settle();
    expect(client.getQueryData(["mentor-dashboard", "acme"])).toBe(3);
    expect(answers).toHaveLength(3);
    unsubscribe();
  });

  it("refetches every page of a thread on screen for a comment, each from the fresh page before it", async () => {
    // The server's thread, newest first, two a page; the cursor is the last id a page showed.
    const thread = ["e", "d", "c", "b", "a"];
    const serve = (cursor: string | undefined): ThreadPageJson => {
      const start = cursor === undefined ? 0 : thread.indexOf(cursor) + 1;
      const items = thread.slice(start, start + 2).map((id) => ({ id }) as CommentJson);
      return { items, nextCursor: start + 2 < thread.length ? items.at(-1)!.id : null };
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const observer = new InfiniteQueryObserver(client, {
      queryKey: threadKey("acme", "a1", "k"),
      queryFn: ({ pageParam }: { pageParam: string | undefined }) => Promise.resolve(serve(pageParam)),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page: ThreadPageJson) => page.nextCursor ?? undefined,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    const pages = () => (observer.getCurrentResult().data?.pages ?? []).map((page) => page.items.map((item) => item.id));
    await vi.waitFor(() => expect(pages()).toEqual([["e", "d"]]));
    await observer.fetchNextPage();
    expect(pages()).toEqual([["e", "d"], ["c", "b"]]);

    thread.unshift("f");
    applyLiveEvents(client, "acme", [event("comment.created", "assignment", "a1")]);
    await vi.waitFor(() => expect(pages()).toEqual([["f", "e"], ["d", "c"]]));
    expect(conversationOf(observer.getCurrentResult().data!.pages).map((comment) => comment.id)).toEqual(["c", "d", "e", "f"]);
    unsubscribe();
  });
});
