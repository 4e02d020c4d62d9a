/**
 * Which tabs an organization's member sees, in which group, and which is current (pure, so
 * the grouping is tested without a browser). Decision 0039.
 */

export interface NavTab {
  href: string;
  label: string;
  current: boolean;
  count?: number;
  /** The words after the count for a screen reader ("3 waiting"). */
  countLabel?: string;
  /** Steps done of all ("2/5" on Setup while it is not complete). */
  progress?: { done: number; total: number };
}

export interface NavGroup {
  id: "work" | "manage";
  label: string;
  tabs: NavTab[];
}

/** The path itself or a page under it: "/me" must not claim "/members" (or a "/meetings" later). */
export function isWithin(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

export function navGroups({
  slug,
  pathname,
  showSettings,
  showInvitations,
  showReviews,
  showDashboard,
  showAudit,
  counts = {},
}: {
  slug: string;
  pathname: string;
  showSettings: boolean;
  showInvitations: boolean;
  showReviews: boolean;
  showDashboard: boolean;
  showAudit: boolean;
  counts?: { waiting?: number; unread?: number; setup?: { doneCount: number; total: number; complete: boolean } };
}): NavGroup[] {
  const base = `/o/${slug}`;
  const tab = (path: string, label: string, extra: Partial<NavTab> = {}): NavTab => ({ href: `${base}/${path}`, label, current: isWithin(pathname, `${base}/${path}`), ...extra });
  const work: NavTab[] = [
    // Everyone has work of their own (a hire's assignments) or none yet; the page says which.
    tab("me", "My work"),
    // Owners, admins and mentors review evidence ("evidence.review"); the queue holds what is theirs to review.
    ...(showReviews ? [tab("reviews", "Reviews", { count: counts.waiting, countLabel: "waiting" })] : []),
    // The mentor's dashboard, for those who review (mentors, admins, owners).
    ...(showReviews ? [tab("mentees", "Mentees")] : []),
    tab("notifications", "Notifications", { count: counts.unread, countLabel: "unread" }),
    // What happened lately, narrowed like the live stream: managers see the organization's, others what they follow.
    tab("activity", "Activity"),
  ];
  const manage: NavTab[] = [
    // Owners and admins ("dashboard.read"): the first-run checklist and the people, then the overview of every assignment.
    // Setup says how far it is ("2/5") until it is complete; then the tab stays, quiet, for the people summary.
    ...(showDashboard ? [tab("setup", "Setup", setupProgressOf(counts.setup)), tab("dashboard", "Dashboard")] : []),
    // Everyone reads assignments ("assignment.read"); the API narrows them: managers all,
    // mentors their mentees', hires their own.
    tab("assignments", "Assignments"),
    // Every member reads the organization's tracks ("track.read"), so the tab is unconditional.
    tab("tracks", "Tracks"),
    tab("members", "Members"),
    ...(showInvitations ? [tab("invitations", "Invitations")] : []),
    // The audit log ("audit.read": owners and admins).
    ...(showAudit ? [tab("audit", "Audit log")] : []),
    ...(showSettings ? [tab("settings", "Settings")] : []),
  ];
  return [
    { id: "work", label: "Work", tabs: work },
    // Those who only read the organization's records do not "manage" them.
    { id: "manage", label: showDashboard ? "Manage" : "Organization", tabs: manage },
  ];
}

function setupProgressOf(setup: { doneCount: number; total: number; complete: boolean } | undefined): Partial<NavTab> {
  return setup && !setup.complete ? { progress: { done: setup.doneCount, total: setup.total } } : {};
}
