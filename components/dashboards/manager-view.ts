/**
 * The manager dashboard's view in its URL (?track=&mentor=&cohort=&sort=&order=&page=),
 * so a reload or a shared link shows the same thing. Values the API would refuse
 * are dropped.
 */
import { MANAGER_SORTS } from "@/lib/dashboards/manager-sort";
import type { ManagerSort } from "@/lib/dashboards/manager-sort";
import { queryString } from "@/lib/api/client";
import type { ManagerView } from "./manager-api";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const COHORT_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A hand-edited URL cannot ask for a page past any real one by much. */
const MAX_PAGE = 10_000;
const match = (value: string | null, pattern: RegExp) => (value !== null && pattern.test(value) ? value : null);

export function managerViewFromSearchParams(params: { get(name: string): string | null }): ManagerView {
  const sort = params.get("sort");
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    track: match(params.get("track"), ID_PATTERN),
    mentor: match(params.get("mentor"), ID_PATTERN),
    cohort: match(params.get("cohort"), COHORT_PATTERN),
    sort: MANAGER_SORTS.includes(sort as ManagerSort) ? (sort as ManagerSort) : "hire",
    order: params.get("order") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

export function managerSearchOf(view: ManagerView): string {
  const search = queryString(managerQueryOf(view));
  return search ? `?${search}` : "";
}

/** The view's parameters that differ from the defaults: the page's URL and the API's query alike. */
export function managerQueryOf(view: ManagerView) {
  return {
    track: view.track || undefined,
    mentor: view.mentor || undefined,
    cohort: view.cohort || undefined,
    sort: view.sort !== "hire" ? view.sort : undefined,
    order: view.order !== "asc" ? view.order : undefined,
    page: view.page > 1 ? view.page : undefined,
  };
}
