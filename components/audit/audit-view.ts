/**
 * The audit page's filters as its URL holds them. The filters form is a plain GET
 * form, so a submit puts every field in the URL, empty ones too ("actor="): this
 * keeps the ones with a value, in a fixed order, for the API and the export links.
 * Values are passed on as typed: the API checks them and the page shows its answer.
 */
import type { EndpointQuery } from "@/lib/api/client";
import type { api } from "@/lib/api/client-endpoints";

/** The filters both audit endpoints take (the list adds its page, the export its format). */
type AuditFilterQuery = Omit<EndpointQuery<typeof api.listAuditLog>, "limit" | "cursor">;

export const FILTER_NAMES = ["type", "actor", "subjectType", "subjectId", "from", "to"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export interface AuditView {
  types: string[];
  actor: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

const single = (value: string | string[] | undefined) => [value ?? []].flat()[0]?.trim() ?? "";

export function auditViewOf(params: SearchParamsRecord): AuditView {
  const types = [params.type ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  return {
    types: [...new Set(types)],
    actor: single(params.actor),
    subjectType: single(params.subjectType),
    subjectId: single(params.subjectId),
    from: single(params.from),
    to: single(params.to),
  };
}

/** The view as a query string without the empty filters ("" when there is none). */
export function auditQueryOf(view: AuditView): string {
  const query = new URLSearchParams();
  for (const type of view.types) query.append("type", type);
  for (const name of ["actor", "subjectType", "subjectId", "from", "to"] as const) if (view[name]) query.set(name, view[name]);
  return query.toString();
}

export const hasFilters = (view: AuditView) => auditQueryOf(view) !== "";

/** A cleaned query (auditQueryOf) as the audit endpoints' filters; `type` may repeat. */
export function auditFiltersOf(query: string): AuditFilterQuery {
  const search = new URLSearchParams(query);
  const one = (name: string) => search.get(name) ?? undefined;
  const types = search.getAll("type");
  return {
    type: types.length > 0 ? types : undefined,
    actor: one("actor"),
    // Passed on as typed, like every filter: the API checks it (a 422 the page shows).
    subjectType: one("subjectType") as AuditFilterQuery["subjectType"],
    subjectId: one("subjectId"),
    from: one("from"),
    to: one("to"),
  };
}
