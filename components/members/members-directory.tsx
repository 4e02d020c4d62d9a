"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, buttonStyles } from "@/components/ui/button";
import { LoadFailed, LoadingBlock, NextPageControls } from "@/components/ui/load-states";
import { useUrlView } from "@/components/ui/use-url-view";
import type { MemberViewer } from "@/lib/members/member-actions";
import { ConfirmMemberChange } from "./confirm-member-change";
import type { Confirmation } from "./confirm-member-change";
import type { MemberIntent } from "./member-actions-menu";
import { isFiltered, searchOf, viewFromSearchParams } from "./members-view";
import type { MembersView } from "./members-view";
import { MembersTable } from "./members-table";
import { MembersToolbar } from "./members-toolbar";
import { useMemberMutations } from "./use-member-mutations";
import { useMembers } from "./use-members";
import type { MemberJson } from "./types";

/** The members page: search, filters and pages in the URL; rows with the actions the viewer may take. */
export function MembersDirectory({ slug, organizationName, viewer, canInvite = false }: { slug: string; organizationName: string; viewer: MemberViewer; canInvite?: boolean }) {
  const router = useRouter();
  const [view, setView] = useUrlView(viewFromSearchParams, searchOf);
  const filters = useMemo(() => ({ q: view.q, role: view.role, status: view.status }), [view]);
  const members = useMembers(slug, filters);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  // Bumped to remount (and so empty) the search box when the filters are cleared.
  const [searchBoxKey, setSearchBoxKey] = useState(0);

  const { update, remove } = useMemberMutations(slug, {
    // The owner count behind "Leave" lives in the server-rendered page: refresh it after owner changes.
    onChanged: (member) => {
      if (member.role === "OWNER") router.refresh();
    },
    onLeft: () => {
      router.push("/o?pick=1");
      router.refresh();
    },
  });

  const setFilters = useCallback((next: Partial<MembersView>) => setView({ ...next, pages: 1 }), [setView]);

  // Show as many pages as the URL asks for: after a refresh, or on coming back.
  const loadedPages = members.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = members;
  useEffect(() => {
    if (loadedPages > 0 && loadedPages < view.pages && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) void fetchNextPage();
  }, [loadedPages, view.pages, hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]);

  function onIntent(member: MemberJson, intent: MemberIntent) {
    if (intent.kind === "remove" || intent.kind === "leave") return setConfirmation({ kind: intent.kind, member });
    if (intent.kind === "role" && intent.role === "OWNER") return setConfirmation({ kind: "grantOwner", member });
    const change = intent.kind === "role" ? { role: intent.role } : { status: intent.kind === "suspend" ? ("SUSPENDED" as const) : ("ACTIVE" as const) };
    update.mutate({ member, update: change });
  }

  function onConfirm({ kind, member }: Confirmation) {
    const done = { onSettled: () => setConfirmation(null) };
    if (kind === "grantOwner") update.mutate({ member, update: { role: "OWNER" } }, done);
    else remove.mutate({ member, self: kind === "leave" }, done);
  }

  function clearFilters() {
    setSearchBoxKey((key) => key + 1);
    setFilters({ q: "", role: null, status: null });
  }

  const items = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="members-heading" className="text-2xl font-semibold tracking-tight">
            Members
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">Everyone in {organizationName}, with their role and status.</p>
        </div>
        {/* The next step from here (decision 0039): the invitation dialog, opened on the Invitations tab. */}
        {canInvite ? (
          <Link href={`/o/${slug}/invitations?invite=1`} prefetch={false} className={buttonStyles()}>
            Invite people
          </Link>
        ) : null}
      </div>

      <MembersToolbar key={searchBoxKey} filters={filters} onChange={setFilters} />

      <p role="status" className="text-sm text-muted-foreground" aria-busy={members.isFetching || undefined}>
        {members.isPending ? "Loading members…" : members.isError ? "" : `Showing ${items.length} ${items.length === 1 ? "person" : "people"}${hasNextPage ? ", more below" : ""}.`}
      </p>

      {members.isError && !members.data ? (
        <LoadFailed what="members" message={members.error.message} onRetry={() => void members.refetch()} />
      ) : members.isPending ? (
        <LoadingBlock />
      ) : items.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
          <p>{isFiltered(filters) ? "No one matches this search and these filters." : "No members yet."}</p>
          {isFiltered(filters) ? (
            <Button variant="secondary" size="sm" onClick={clearFilters}>
              Clear search and filters
            </Button>
          ) : null}
        </div>
      ) : (
        <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <MembersTable members={items} viewer={viewer} onIntent={onIntent} />
        </div>
      )}

      <NextPageControls
        failure={isFetchNextPageError ? (members.error?.message ?? "unknown error") : null}
        showMore={hasNextPage && !isPlaceholderData}
        loading={isFetchingNextPage}
        onLoadMore={() => {
          setView({ pages: loadedPages + 1 });
          void fetchNextPage();
        }}
      />

      <ConfirmMemberChange
        confirmation={confirmation}
        organizationName={organizationName}
        pending={update.isPending || remove.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirmation(null)}
      />
    </section>
  );
}
