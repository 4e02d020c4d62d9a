/**
 * Due dates are calendar days ("2026-12-01"); they are shown in UTC so the day
 * never shifts with the reader's time zone. Overdue is the server's call
 * (`overdue`: active and past the day), and only an active assignment is late.
 */
import { formatDay as formatCalendarDay } from "@/lib/time/format";
import type { FormatPlace } from "@/lib/time/format";

/** In the viewer's locale (lib/time/format.ts); what renders on the server passes useDatePlace(). */
export function formatDay(day: string, place: FormatPlace = {}): string {
  return formatCalendarDay(day, place);
}

export interface DueText {
  text: string;
  overdue: boolean;
}

export function dueText(assignment: { dueDate: string | null; overdue: boolean; status: "ACTIVE" | "COMPLETED" | "ARCHIVED" }, place: FormatPlace = {}): DueText | null {
  if (!assignment.dueDate) return null;
  const day = formatDay(assignment.dueDate, place);
  if (assignment.overdue && assignment.status === "ACTIVE") return { text: `Overdue: was due ${day}`, overdue: true };
  return { text: `Due ${day}`, overdue: false };
}
