/**
 * The assignments page's state in its URL (?person=&mentor=&track=&status=&overdue=&pages=),
 * so a reload or the back button brings the same view back. Parsing is forgiving:
 * a value the API would refuse is dropped rather than breaking the page.
 */
import type { AssignmentStatus } from "./types";

// The API's statuses, spelled out so the page does not bundle the server's schema module
// (its imports reach the roadmap parser); the unit test checks they stay the same.
export const STATUSES = ["ACTIVE", "COMPLETED", "ARCHIVED"] as const satisfies readonly AssignmentStatus[];

export interface AssignmentsFilters {
  /** The assignee's user id. */
  person: string | null;
  /** A mentor's user id. */
  mentor: string | null;
  trackId: string | null;
  /** Null is the API's default: active and completed, not archived. */
  status: AssignmentStatus | null;
  /** Only active assignments past their due date. */
  overdue: boolean;
}

export interface AssignmentsView extends AssignmentsFilters {
  /** How many pages are shown ("Load more" adds one). */
  pages: number;
}

export const PAGE_SIZE = 25;
/** A hand-edited URL cannot make the page fetch without end. */
export const MAX_PAGES = 20;

export const NO_FILTERS: AssignmentsFilters = { person: null, mentor: null, trackId: null, status: null, overdue: false };

// User and track ids are opaque (cuids today); anything else in the URL is not one of ours.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const idOf = (value: string | null): string | null => (value !== null && ID_PATTERN.test(value) ? value : null);
const statusOf = (value: string | null): AssignmentStatus | null => ((STATUSES as readonly string[]).includes(value ?? "") ? (value as AssignmentStatus) : null);

export function viewFromSearchParams(params: { get(name: string): string | null }): AssignmentsView {
  const pages = Number.parseInt(params.get("pages") ?? "", 10);
  return {
    person: idOf(params.get("person")),
    mentor: idOf(params.get("mentor")),
    trackId: idOf(params.get("track")),
    status: statusOf(params.get("status")),
    overdue: params.get("overdue") === "true",
    pages: Number.isInteger(pages) ? Math.min(Math.max(pages, 1), MAX_PAGES) : 1,
  };
}

/** "?track=c1&overdue=true", leaving out defaults; "" for the plain page. */
export function searchOf(view: AssignmentsView): string {
  const params = new URLSearchParams();
  if (view.person) params.set("person", view.person);
  if (view.mentor) params.set("mentor", view.mentor);
  if (view.trackId) params.set("track", view.trackId);
  if (view.status) params.set("status", view.status);
  if (view.overdue) params.set("overdue", "true");
  if (view.pages > 1) params.set("pages", String(view.pages));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The list endpoint's query string for one page of this view. */
export function apiQueryOf(filters: AssignmentsFilters, cursor: string | null) {
  return {
    limit: PAGE_SIZE,
    assigneeId: filters.person || undefined,
    mentorId: filters.mentor || undefined,
    trackId: filters.trackId || undefined,
    status: filters.status || undefined,
    overdue: filters.overdue ? ("true" as const) : undefined,
    cursor: cursor || undefined,
  };
}

export function isFiltered(filters: AssignmentsFilters): boolean {
  return Boolean(filters.person || filters.mentor || filters.trackId || filters.status || filters.overdue);
}
