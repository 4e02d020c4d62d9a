/**
 * The dashboards' flags for one assignment, from what happened and a clock (pure,
 * so tests fix the time): stuck (an item in progress for longer than the
 * organization's threshold, or no activity for that long), overdue (active past
 * its due day), and changes requested but not answered yet.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FlagInput {
  now: Date;
  stuckAfterDays: number;
  status: "ACTIVE" | "COMPLETED" | "ARCHIVED";
  /** "2026-12-01" (a calendar day, UTC) or null. */
  dueDate: string | null;
  startDate: Date;
  /** The hire's last own change (progress or evidence), or null. */
  lastActivityAt: Date | null;
  inProgressSince: readonly Date[];
  unansweredChanges: number;
}

export interface AssignmentFlags {
  stuck: boolean;
  /** Why, in words, when stuck. */
  stuckReason: string | null;
  overdue: boolean;
  unanswered: boolean;
}

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/**
 * The stuck rule on one date: more than `stuckAfterDays` whole days before `now`.
 * The reminder scans hold the same rule in SQL (stuck-sql.ts, checked against
 * this one in tests/reminders): `since <= now - (stuckAfterDays + 1) days`.
 */
export const stuckSinceDate = (since: Date, now: Date, stuckAfterDays: number) => daysBetween(since, now) > stuckAfterDays;

export function assignmentFlags(input: FlagInput): AssignmentFlags {
  const active = input.status === "ACTIVE";
  let stuckReason: string | null = null;
  if (active) {
    const oldest = input.inProgressSince.length > 0 ? new Date(Math.min(...input.inProgressSince.map((date) => date.getTime()))) : null;
    const quiet = input.lastActivityAt ?? input.startDate;
    if (oldest && stuckSinceDate(oldest, input.now, input.stuckAfterDays)) stuckReason = `An item has been in progress for ${daysBetween(oldest, input.now)} days.`;
    else if (stuckSinceDate(quiet, input.now, input.stuckAfterDays)) stuckReason = `No activity for ${daysBetween(quiet, input.now)} days.`;
  }
  const today = input.now.toISOString().slice(0, 10);
  return {
    stuck: stuckReason !== null,
    stuckReason,
    overdue: active && input.dueDate !== null && input.dueDate < today,
    unanswered: input.unansweredChanges > 0,
  };
}
