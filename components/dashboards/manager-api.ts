/** The manager's dashboard as the browser reads it; live events refresh its key (components/realtime/apply-events.ts). */
import type { ManagerSort } from "@/lib/dashboards/manager-sort";
import { callEndpoint, endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { managerQueryOf } from "./manager-view";

type Person = { id: string; name: string | null; email: string };

export interface ManagerRowJson {
  id: string;
  track: { id: string; title: string };
  assignee: Person;
  mentors: Person[];
  cohort: string;
  startDate: string;
  dueDate: string | null;
  progress: { total: number; done: number; inProgress: number; notApplicable: number; skipped: number; percent: number };
  /** Per section of `tracks[].sections`, in order; null where nothing counts. */
  sectionPercents: Array<number | null>;
  lastActivityAt: string | null;
  forecast: { finishDate: string | null; perWeek: number | null; onTrack: boolean | null; minutesPerDay?: number };
  flags: { stuck: boolean; stuckReason: string | null; overdue: boolean; unanswered: boolean };
}

export interface ManagerDashboardJson {
  today: string;
  stuckAfterDays: number;
  filters: { tracks: Array<{ id: string; title: string }>; mentors: Person[]; cohorts: string[] };
  summary: { assignments: number; overdue: number; stuck: number; unanswered: number; averagePercent: number | null };
  reviews: { firstReviewMedianHours: number | null; firstReviews: number; waitingMedianHours: number | null; waiting: number };
  tracks: Array<{ id: string; title: string; sections: Array<{ key: string; title: string }> }>;
  heatmap: Array<{ trackId: string; cohorts: Array<{ id: string; label: string; hires: number; values: Array<number | null> }> }>;
  page: { number: number; size: number; total: number };
  assignments: ManagerRowJson[];
}

export type { ManagerSort };

export interface ManagerFilters {
  track: string | null;
  mentor: string | null;
  cohort: string | null;
}

/** The filters, the table's order and its page: all kept in the URL. */
export interface ManagerView extends ManagerFilters {
  sort: ManagerSort;
  order: "asc" | "desc";
  page: number;
}

export const managerDashboardKey = (slug: string) => ["manager-dashboard", slug] as const;

// The API takes the page's own query parameters (manager-view.ts).
export const fetchManagerDashboard = (slug: string, view: ManagerView): Promise<ManagerDashboardJson> =>
  callEndpoint(api.getManagerDashboard, { params: { orgSlug: slug }, query: managerQueryOf(view) });
/** The CSV of every page in the same order: a plain link, so the browser downloads it with the session cookie. */
export const managerExportUrl = (slug: string, view: ManagerView) =>
  endpointUrl(api.exportManagerDashboard, { params: { orgSlug: slug }, query: managerQueryOf({ ...view, page: 1 }) });
