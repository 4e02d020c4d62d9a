"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useUnreadCount } from "@/components/notifications/use-unread-count";
import { useReviewCount } from "@/components/reviews/use-review-count";
import { cx } from "@/components/ui/class-names";
import { useIdle } from "@/components/ui/use-idle";

/** The path itself or a page under it: "/me" must not claim "/members" (or a "/meetings" later). */
function isWithin(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The organization's tabs; the one for the current page carries aria-current.
 * Reviewers' "Reviews" tab counts what waits for them.
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
  const base = `/o/${slug}`;
  const idle = useIdle();
  const waiting = useReviewCount(slug, { enabled: showReviews && idle }).data;
  const unread = useUnreadCount(slug, { enabled: idle }).data;
  const tabs = [
    { href: base, label: "Overview", current: pathname === base },
    // Everyone has work of their own (a hire's assignments) or none yet; the page says which.
    { href: `${base}/me`, label: "My work", current: isWithin(pathname, `${base}/me`) },
    { href: `${base}/notifications`, label: "Notifications", current: isWithin(pathname, `${base}/notifications`), count: unread, countLabel: "unread" },
    // Everyone reads assignments ("assignment.read"); the API narrows them: managers all,
    // mentors their mentees', hires their own.
    { href: `${base}/assignments`, label: "Assignments", current: isWithin(pathname, `${base}/assignments`) },
    // Owners, admins and mentors review evidence ("evidence.review"); the queue holds what is theirs to review.
    ...(showReviews ? [{ href: `${base}/reviews`, label: "Reviews", current: isWithin(pathname, `${base}/reviews`), count: waiting, countLabel: "waiting" }] : []),
    // The mentor's dashboard, for those who review (mentors, admins, owners).
    ...(showReviews ? [{ href: `${base}/mentees`, label: "Mentees", current: isWithin(pathname, `${base}/mentees`) }] : []),
    // The manager's overview of every active assignment ("dashboard.read": owners and admins).
    ...(showDashboard ? [{ href: `${base}/dashboard`, label: "Dashboard", current: isWithin(pathname, `${base}/dashboard`) }] : []),
    // What happened lately, narrowed like the live stream: managers see the organization's, others what they follow.
    { href: `${base}/activity`, label: "Activity", current: isWithin(pathname, `${base}/activity`) },
    { href: `${base}/members`, label: "Members", current: pathname.startsWith(`${base}/members`) },
    // Every member reads the organization's tracks ("track.read"), so the tab is unconditional.
    { href: `${base}/tracks`, label: "Tracks", current: pathname.startsWith(`${base}/tracks`) },
    ...(showInvitations ? [{ href: `${base}/invitations`, label: "Invitations", current: pathname.startsWith(`${base}/invitations`) }] : []),
    // The audit log ("audit.read": owners and admins).
    ...(showAudit ? [{ href: `${base}/audit`, label: "Audit log", current: isWithin(pathname, `${base}/audit`) }] : []),
    ...(showSettings ? [{ href: `${base}/settings`, label: "Settings", current: pathname.startsWith(`${base}/settings`) }] : []),
  ];

  return (
    <nav aria-label="Organization" className="mt-2 border-b border-border">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              prefetch={false}
              aria-current={tab.current ? "page" : undefined}
              className={cx(
                "inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium whitespace-nowrap touch:h-11",
                tab.current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border-strong hover:text-foreground",
              )}
            >
              {tab.label}
              {"count" in tab && tab.count ? <TabCount count={tab.count} label={tab.countLabel} /> : null}
              <PendingMark />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** While a clicked tab's page loads: a small pulse after its label (no layout shift). */
function PendingMark() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={cx("ml-1.5 size-1.5 rounded-full bg-primary", pending ? "animate-pulse opacity-100" : "opacity-0")} />;
}

/** The number on a tab ("Reviews 3 waiting", "Notifications 2 unread" to a screen reader). */
function TabCount({ count, label }: { count: number; label: string }) {
  return (
    <>
      {" "}
      {/* relative: the visually hidden label is absolutely positioned; without a positioned
          ancestor it escaped the scrolling tab list and widened the page on phones. */}
      <span className="relative ml-1 rounded-full bg-primary px-1.5 text-xs leading-5 font-semibold text-on-primary tabular-nums">
        {count > 99 ? "99+" : count}
        <span className="sr-only"> {label}</span>
      </span>
    </>
  );
}
