/**
 * Due dates are calendar days ("2026-12-01"); they are shown in UTC so the day
 * never shifts with the reader's time zone. Overdue is the server's call
 * (`overdue`: active and past the day), and only an active assignment is late.
 */
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export interface DueText {
  text: string;
  overdue: boolean;
}

export function dueText(assignment: { dueDate: string | null; overdue: boolean; status: "ACTIVE" | "COMPLETED" | "ARCHIVED" }): DueText | null {
  if (!assignment.dueDate) return null;
  const day = formatDay(assignment.dueDate);
  if (assignment.overdue && assignment.status === "ACTIVE") return { text: `Overdue: was due ${day}`, overdue: true };
  return { text: `Due ${day}`, overdue: false };
}
