import type { AssignmentStatus, PersonJson } from "./types";
import { formatDay as formatCalendarDay } from "@/lib/time/format";
import type { FormatPlace } from "@/lib/time/format";

export const STATUS_LABEL: Record<AssignmentStatus, string> = { ACTIVE: "Active", COMPLETED: "Completed", ARCHIVED: "Archived" };

export const personName = (person: Pick<PersonJson, "name" | "email">) => person.name ?? person.email;

/**
 * "2026-12-01" → "Dec 1, 2026" (in the viewer's locale): days are calendar days, so they are read
 * in UTC like the server stores them (lib/time/format.ts); what renders on the server passes useDatePlace().
 */
export function formatDay(day: string, place: FormatPlace = {}): string {
  return formatCalendarDay(day, place);
}

/** Today in the viewer's own calendar, as the date inputs want it. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
