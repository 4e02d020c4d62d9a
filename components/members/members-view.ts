/**
 * The members page's state in its URL (?q=&role=&status=&pages=), so a refresh
 * or the back button brings the same view back. Parsing is forgiving: a value
 * the API would refuse is dropped rather than breaking the page.
 */
import { ROLES } from "@/lib/authz/policy";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { MEMBERSHIP_STATUSES } from "@/lib/members/rules";

export interface MembersFilters {
  q: string;
  role: Role | null;
  status: MembershipStatus | null;
}

export interface MembersView extends MembersFilters {
  /** How many pages are shown ("Load more" adds one). */
  pages: number;
}

export const PAGE_SIZE = 25;
/** A hand-edited URL cannot make the page fetch without end. */
export const MAX_PAGES = 20;
const MAX_QUERY_LENGTH = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (values as readonly string[]).includes(value ?? "") ? (value as T) : null;

export function viewFromSearchParams(params: { get(name: string): string | null }): MembersView {
  const pages = Number.parseInt(params.get("pages") ?? "", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    role: oneOf(ROLES, params.get("role")),
    status: oneOf(MEMBERSHIP_STATUSES, params.get("status")),
    pages: Number.isInteger(pages) ? Math.min(Math.max(pages, 1), MAX_PAGES) : 1,
  };
}

/** "?q=sam&role=MEMBER", leaving out defaults; "" for the plain page. */
export function searchOf(view: MembersView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.role) params.set("role", view.role);
  if (view.status) params.set("status", view.status);
  if (view.pages > 1) params.set("pages", String(view.pages));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The list endpoint's query for one page of this view (empty filters left out). */
export function apiQueryOf(filters: MembersFilters, cursor: string | null) {
  return { limit: PAGE_SIZE, q: filters.q || undefined, role: filters.role || undefined, status: filters.status || undefined, cursor: cursor || undefined };
}

export function isFiltered(filters: MembersFilters): boolean {
  return Boolean(filters.q || filters.role || filters.status);
}
