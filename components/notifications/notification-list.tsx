"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadFailed, LoadingBlock, NextPageControls } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import { fetchNotifications, markRead, notificationListKey, notificationsKey } from "./notifications-api";
import type { NotificationJson } from "./notifications-api";
import { Time } from "@/components/ui/time";

/** The caller's notifications in this organization, newest first: all or unread, mark one or all read. */
export function NotificationList({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: notificationListKey(slug, unreadOnly),
    queryFn: ({ pageParam }) => fetchNotifications(slug, { unreadOnly, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const read = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => markRead(slug, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(slug) }),
    onError: (error) => toast({ tone: "error", title: "Could not mark them read", description: error instanceof ApiError ? error.message : "Try again." }),
  });

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} className="size-4 accent-primary" />
          Only unread
        </label>
        <div className="flex items-center gap-3">
          <p role="status" className="text-sm text-muted-foreground">
            {list.isPending ? "Loading notifications…" : `${unread} unread`}
          </p>
          <Button variant="secondary" size="sm" disabled={unread === 0} loading={read.isPending && "all" in (read.variables ?? {})} onClick={() => read.mutate({ all: true })}>
            Mark all read
          </Button>
        </div>
      </div>
      {list.isPending ? (
        <LoadingBlock />
      ) : list.isError && items.length === 0 ? (
        <LoadFailed what="notifications" message={list.error.message} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {unreadOnly ? "Nothing unread." : "No notifications yet. Evidence to review, reviews of your evidence, comments in your threads, tracks assigned to you, reminders and nudges show up here."}
        </p>
      ) : (
        <ul aria-label="Notifications" className="flex flex-col divide-y divide-border rounded-xl border border-border bg-surface">
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} onRead={() => read.mutate({ ids: [item.id] })} />
          ))}
        </ul>
      )}
      <NextPageControls
        failure={list.isFetchNextPageError ? list.error.message : null}
        showMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </div>
  );
}

function NotificationRow({ item, onRead }: { item: NotificationJson; onRead: () => void }) {
  const unread = item.readAt === null;
  return (
    <li className="flex items-start justify-between gap-3 p-4">
      <div className="flex min-w-0 flex-col gap-1">
        <Link href={item.href} onClick={() => unread && onRead()} className="text-sm font-medium text-link underline-offset-2 hover:underline">
          {unread ? <span className="sr-only">Unread: </span> : null}
          {item.text}
        </Link>
        <Time value={item.createdAt} format="dateTime" relative className="text-xs text-muted-foreground" />
      </div>
      {unread ? (
        <Button variant="ghost" size="sm" onClick={onRead}>
          Mark read
        </Button>
      ) : (
        <span className="text-xs text-muted-foreground">Read</span>
      )}
    </li>
  );
}
