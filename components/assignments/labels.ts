import type { AssignmentStatus, PersonJson } from "./types";

export const STATUS_LABEL: Record<AssignmentStatus, string> = { ACTIVE: "Active", COMPLETED: "Completed", ARCHIVED: "Archived" };

export const personName = (person: Pick<PersonJson, "name" | "email">) => person.name ?? person.email;

const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "2026-12-01" → "Dec 1, 2026": days are calendar days, so they are read in UTC like the server stores them. */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** Today in the viewer's own calendar, as the date inputs want it. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
