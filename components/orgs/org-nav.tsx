"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useSetupProgress } from "@/components/home/use-setup-progress";
import { useUnreadCount } from "@/components/notifications/use-unread-count";
import { useReviewCount } from "@/components/reviews/use-review-count";
import { cx } from "@/components/ui/class-names";
import { useIdle } from "@/components/ui/use-idle";
import { navGroups } from "./nav-groups";
import type { NavTab } from "./nav-groups";
import { useScrollHint } from "./use-scroll-hint";

/**
 * The organization's tabs in two groups (decision 0039): "Work" (what is the member's to do)
 * and "Manage" (the organization's setup and records; "Organization" for those who only read
 * it). From 1024 px wide they are a sidebar, so every tab of an owner is visible; narrower
 * they are one row that scrolls sideways, with a fade at the edge that hides more and the
 * current tab scrolled into view. The one for the current page carries aria-current.
 * Reviewers' "Reviews" tab counts what waits for them; Setup says "2/5" until it is complete.
 *
 * The tabs are not prefetched (decision 0014): every page here is dynamic, so a
 * prefetch cost two server renders per tab on every page view (Next.js first asks for
 * the route tree, then for the page) and the click still fetched the page's data; a
 * click now makes one request, and the tab shows that it is loading. The badges are
 * read once the page is idle, after the page's own requests.
 */
export function OrgNav({
  slug,
  showSettings,
  showInvitations = false,
  showReviews = false,
  showDashboard = false,
  showAudit = false,
}: {
  slug: string;
  showSettings: boolean;
  showInvitations?: boolean;
  showReviews?: boolean;
  showDashboard?: boolean;
  showAudit?: boolean;
}) {
  const pathname = usePathname();
  const idle = useIdle();
  const waiting = useReviewCount(slug, { enabled: showReviews && idle }).data;
  const unread = useUnreadCount(slug, { enabled: idle }).data;
  const setup = useSetupProgress(slug, { enabled: showDashboard && idle }).data;
  const groups = navGroups({ slug, pathname, showSettings, showInvitations, showReviews, showDashboard, showAudit, counts: { waiting, unread, setup } });
  const { scrollerRef, hint } = useScrollHint(pathname);

  return (
    <nav aria-label="Organization" className="relative mt-2 lg:sticky lg:top-6 lg:mt-0 lg:self-start">
      <div
        ref={scrollerRef}
        className="flex items-center gap-3 overflow-x-auto overscroll-x-contain border-b border-border [scrollbar-width:none] lg:flex-col lg:items-stretch lg:gap-6 lg:overflow-visible lg:border-b-0 [&::-webkit-scrollbar]:hidden"
      >
        {groups.map((group, index) => (
          <div key={group.id} role="group" aria-labelledby={`org-nav-${group.id}`} className={cx("flex shrink-0 items-center lg:block", index > 0 && "border-l border-border pl-3 lg:border-l-0 lg:pl-0")}>
            <span id={`org-nav-${group.id}`} className="hidden pr-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase sm:inline lg:mb-1 lg:block lg:px-3 lg:pr-3">
              {group.label}
            </span>
            <ul className="flex gap-1 lg:flex-col lg:gap-0.5">
              {group.tabs.map((tab) => (
                <li key={tab.href}>
                  <TabLink tab={tab} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {/* Below the sidebar width the row scrolls: a fade on a side says there is more that way. */}
      <span aria-hidden data-scroll-hint="before" data-shown={hint.before} className={cx("pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-background to-transparent transition-opacity lg:hidden", hint.before ? "opacity-100" : "opacity-0")} />
      <span aria-hidden data-scroll-hint="after" data-shown={hint.after} className={cx("pointer-events-none absolute inset-y-0 right-0 w-10 bg-linear-to-l from-background to-transparent transition-opacity lg:hidden", hint.after ? "opacity-100" : "opacity-0")} />
    </nav>
  );
}

function TabLink({ tab }: { tab: NavTab }) {
  return (
    <Link
      href={tab.href}
      prefetch={false}
      aria-current={tab.current ? "page" : undefined}
      className={cx(
        // relative: the badge's hidden words are positioned inside the tab, never out of the scrolling row.
        "relative inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap lg:flex lg:h-9 lg:rounded-md lg:border-b-0",
        tab.current
          ? "border-primary text-foreground lg:bg-surface-muted"
          : "border-transparent text-muted-foreground hover:border-border-strong hover:text-foreground lg:hover:bg-surface-muted",
      )}
    >
      {tab.label}
      {tab.count ? <TabCount count={tab.count} label={tab.countLabel ?? ""} /> : null}
      {tab.progress ? <TabProgress {...tab.progress} /> : null}
      <PendingMark />
    </Link>
  );
}

/** While a clicked tab's page loads: a small pulse after its label (no layout shift). */
function PendingMark() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={cx("ml-1.5 size-1.5 shrink-0 rounded-full bg-primary", pending ? "animate-pulse opacity-100" : "opacity-0")} />;
}

/** Steps done on a tab ("Setup 2/5", "2/5 steps done" to a screen reader): quieter than a count, as nothing waits. */
function TabProgress({ done, total }: { done: number; total: number }) {
  return (
    <>
      {" "}
      <span className="relative ml-1 rounded-full px-1.5 text-xs leading-5 font-medium text-muted-foreground tabular-nums ring-1 ring-border ring-inset lg:ml-auto">
        {done}/{total}
        <span className="sr-only"> steps done</span>
      </span>
    </>
  );
}

/** The number on a tab ("Reviews 3 waiting", "Notifications 2 unread" to a screen reader). */
function TabCount({ count, label }: { count: number; label: string }) {
  return (
    <>
      {" "}
      <span className="relative ml-1 rounded-full bg-primary px-1.5 text-xs leading-5 font-semibold text-on-primary tabular-nums lg:ml-auto">
        {count > 99 ? "99+" : count}
        <span className="sr-only"> {label}</span>
      </span>
    </>
  );
}
