/**
 * Relative dues turned into calendar days for one assignment (decision 0030). Pure: the
 * roadmap, the hire's home, the calendar feed and their tests share it, and the clock is
 * passed in. Days are calendar days in UTC ("2026-12-07"), like Assignment.startDate/dueDate.
 *
 * - Day N is the start date plus N−1 days; week N is the start date plus 7·N−1 days (the last
 *   day of the Nth week).
 * - A node is due at the EARLIEST of its own due and its ancestors' (a section's due is the
 *   deadline for everything in it); an item due later than its section is therefore due with the
 *   section. Nothing refuses such a tree: moving an item between sections never fails on dates.
 */
import { dueOffsetDays } from "@/lib/outline/due-marker";
import type { RelativeDue } from "@/lib/outline/due-marker";

const DAY_MS = 24 * 60 * 60 * 1000;

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayString = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The UTC calendar day of an instant. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function dueDayOf(startDate: string, due: RelativeDue): string {
  return addDays(startDate, dueOffsetDays(due));
}

export interface DueNode {
  id: string;
  parentId: string | null;
  due: RelativeDue | null;
}

/** Each node's due day (its own or an ancestor's, whichever is earlier), by id; null when neither has one. Nodes in pre-order. */
export function effectiveDueDays(nodes: readonly DueNode[], startDate: string): Map<string, string | null> {
  const days = new Map<string, string | null>();
  for (const node of nodes) {
    const own = node.due === null ? null : dueDayOf(startDate, node.due);
    const inherited = node.parentId === null ? null : (days.get(node.parentId) ?? null);
    days.set(node.id, own === null ? inherited : inherited === null || own < inherited ? own : inherited);
  }
  return days;
}

export interface DueWords {
  /** "due today", "due tomorrow", "due in 3 days", "overdue by 2 days". */
  text: string;
  overdue: boolean;
  /** Days from today to the due day (negative when overdue). */
  inDays: number;
}

/** How an open item's due day reads from `today`. */
export function dueWords(dueDay: string, today: string): DueWords {
  const inDays = daysBetween(today, dueDay);
  if (inDays < 0) return { text: `overdue by ${-inDays === 1 ? "1 day" : `${-inDays} days`}`, overdue: true, inDays };
  if (inDays === 0) return { text: "due today", overdue: false, inDays };
  if (inDays === 1) return { text: "due tomorrow", overdue: false, inDays };
  return { text: `due in ${inDays} days`, overdue: false, inDays };
}

/** Due this week: overdue, or due within the next 7 days (today included). */
export function isDueThisWeek(dueDay: string, today: string): boolean {
  return daysBetween(today, dueDay) < 7;
}

/** "45 min", "2 h", "2 h 30 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
