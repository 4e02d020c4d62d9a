const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long an attempt has waited, in the largest unit that says it: "waiting 3 h", "waiting 2 days". */
export function waitingFor(submittedAt: string, now: number): string {
  const waited = Math.max(0, now - Date.parse(submittedAt));
  if (waited < MINUTE) return "waiting under a minute";
  if (waited < HOUR) return `waiting ${Math.floor(waited / MINUTE)} min`;
  if (waited < 2 * DAY) return `waiting ${Math.floor(waited / HOUR)} h`;
  return `waiting ${Math.floor(waited / DAY)} days`;
}

/** The reviewer SLA's flag: "Waiting 3 working days — over the 2-day target". */
export function overdueLabel(workingDays: number, targetDays: number): string {
  return `Waiting ${workingDays} working ${workingDays === 1 ? "day" : "days"} — over the ${targetDays}-day target`;
}

/** Two days and more is long for a hire to wait: the page marks it. */
export function waitedLong(submittedAt: string, now: number): boolean {
  return now - Date.parse(submittedAt) >= 2 * DAY;
}
