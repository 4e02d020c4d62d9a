/**
 * The review queue's filters in its URL (?hire=&track=&section=&overdue=1&pages=), so a
 * reload or a shared link shows the same queue. Values the API would refuse are
 * dropped rather than breaking the page; a section needs its track.
 */
import type { ReviewQueueFilters } from "@/components/evidence/evidence-api";

export interface ReviewsView extends ReviewQueueFilters {
  /** How many pages are shown ("Load more" adds one). */
  pages: number;
}

export const NO_FILTERS: ReviewQueueFilters = { assigneeId: null, trackId: null, sectionKey: null };
/** A hand-edited URL cannot make the page fetch without end. */
export const MAX_PAGES = 20;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
// The API's stable keys (lib/tracks/edit-schema.ts).
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const match = (value: string | null, pattern: RegExp) => (value !== null && pattern.test(value) ? value : null);

export function viewFromSearchParams(params: { get(name: string): string | null }): ReviewsView {
  const pages = Number.parseInt(params.get("pages") ?? "", 10);
  const trackId = match(params.get("track"), ID_PATTERN);
  return {
    assigneeId: match(params.get("hire"), ID_PATTERN),
    trackId,
    sectionKey: trackId ? match(params.get("section"), KEY_PATTERN) : null,
    ...(params.get("overdue") === "1" ? { overdue: true } : {}),
    pages: Number.isInteger(pages) ? Math.min(Math.max(pages, 1), MAX_PAGES) : 1,
  };
}

/** "?hire=u1&track=c1", leaving out defaults; "" for the plain page. */
export function searchOf(view: ReviewsView): string {
  const params = new URLSearchParams();
  if (view.assigneeId) params.set("hire", view.assigneeId);
  if (view.trackId) params.set("track", view.trackId);
  if (view.trackId && view.sectionKey) params.set("section", view.sectionKey);
  if (view.overdue) params.set("overdue", "1");
  if (view.pages > 1) params.set("pages", String(view.pages));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function isFiltered(filters: ReviewQueueFilters): boolean {
  return Boolean(filters.assigneeId || filters.trackId || filters.sectionKey || filters.overdue);
}
