/** The queue's status line, in words (pure: tested in queue-summary.test.ts). */

/** The server's count, less what this tab took off and the server has not confirmed yet; null before the first page. */
export function waitingTotal(serverTotal: number | null, loaded: number, shown: number): number | null {
  if (serverTotal === null) return null;
  return Math.max(0, serverTotal - (loaded - shown));
}

/**
 * "3 waiting with these filters, 2 shown." — empty while loading (the loading line says so),
 * after a failure (the alert says so) and for an empty queue (its note says so).
 */
export function waitingSummary({ total, shown, filtered }: { total: number | null; shown: number; filtered: boolean }): string {
  if (total === null || total === 0) return "";
  return `${total} waiting${filtered ? " with these filters" : ""}${shown < total ? `, ${shown} shown` : ""}.`;
}
