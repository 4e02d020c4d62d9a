"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyNote, LoadFailed, LoadingStatus, NextPageControls } from "@/components/ui/load-states";
import { useFocusFirstAdded } from "@/components/ui/use-focus-first-added";
import { typeLabel } from "@/lib/audit/describe-event";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { auditFiltersOf } from "./audit-view";
import { Time } from "@/components/ui/time";

interface AuditItem {
  id: string;
  sequence: number;
  type: string;
  at: string;
  actor: { id: string; name: string | null; email: string } | null;
  subjectType: string;
  subjectId: string;
  description: string;
}

interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;
export const auditKey = (slug: string, query: string) => ["audit", slug, query] as const;

/** A refused filter names its field ("to: The end of the range is on or after its start."), so the person can fix it. */
function failureText(error: Error): string {
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return fields.length > 0 ? fields.map(([field, message]) => `${FIELD_LABELS[field] ?? field}: ${message}`).join(" ") : error.message;
}

const FIELD_LABELS: Record<string, string> = { type: "Types", actor: "Who did it", subjectType: "About", subjectId: "Subject id", from: "From", to: "To" };


/**
 * The audit log's rows for the filters in the URL (`query`, already cleaned),
 * fifty at a time, newest first; "Load more" appends the next page and moves focus
 * to its first row. Not live: an audit is read as of when it was loaded.
 */
export function AuditLog({ slug, query }: { slug: string; query: string }) {
  const log = useInfiniteQuery({
    queryKey: auditKey(slug, query),
    queryFn: ({ pageParam }): Promise<AuditPage> =>
      callEndpoint(api.listAuditLog, { params: { orgSlug: slug }, query: { limit: PAGE_SIZE, ...auditFiltersOf(query), cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const { listRef, markLoadMore } = useFocusFirstAdded(entries.length);

  if (log.isPending) return <LoadingStatus block>Loading the audit log…</LoadingStatus>;
  if (log.isError && entries.length === 0) return <LoadFailed what="audit log" message={failureText(log.error)} onRetry={() => void log.refetch()} />;
  if (entries.length === 0) {
    return <EmptyNote boxed>{query ? "No events match these filters." : "Nothing has been recorded yet."}</EmptyNote>;
  }
  const onlyThis = (item: AuditItem) => {
    const params = new URLSearchParams(query);
    params.set("subjectType", item.subjectType);
    params.set("subjectId", item.subjectId);
    return `/o/${slug}/audit?${params.toString()}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <ol ref={listRef} aria-label="Audit log" className="divide-y divide-border rounded-xl border border-border bg-surface">
        {entries.map((item) => (
          <li key={item.id} tabIndex={-1} data-type={item.type} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-baseline sm:gap-4">
            <Time value={item.at} format="dateTimeSeconds" className="shrink-0 text-muted-foreground tabular-nums" />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <p className="text-foreground">{item.description}</p>
              <p className="text-xs text-muted-foreground">
                {typeLabel(item.type)} · <code>{item.type}</code> ·{" "}
                <Link href={onlyThis(item)} className="underline underline-offset-2 hover:text-foreground">
                  Only this {item.subjectType}
                </Link>
              </p>
            </div>
          </li>
        ))}
      </ol>
      <NextPageControls
        failure={log.isFetchNextPageError ? log.error.message : null}
        showMore={log.hasNextPage}
        loading={log.isFetchingNextPage}
        onLoadMore={() => {
          markLoadMore();
          void log.fetchNextPage();
        }}
      />
      {!log.hasNextPage ? <p className="text-sm text-muted-foreground">That is everything{query ? " matching these filters" : ""}.</p> : null}
    </div>
  );
}
