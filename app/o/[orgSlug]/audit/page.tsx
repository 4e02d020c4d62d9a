import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { auditQueryOf, auditViewOf } from "@/components/audit/audit-view";
import { buttonStyles } from "@/components/ui/button";
import { auditActorOptions } from "@/lib/audit/actor-options";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Audit log · ${access.organization.name}` : "Audit log" };
}

/**
 * The organization's audit log ("audit.read": owners and admins; anyone else gets the
 * not-found page, as for the dashboard). The filters live in the URL; the rows and the
 * export links use the same cleaned query, so a download holds what the page shows.
 */
export default async function AuditPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  const view = auditViewOf(await searchParams);
  const query = auditQueryOf(view);
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/audit${query ? `?${query}` : ""}`);
  if (access.suspended) return null; // the layout explains
  if (!can(access.membership.role, "audit.read")) notFound();

  const actors = await auditActorOptions(access.organization.id);
  const exportHref = (format: "csv" | "json") => `/api/v1/o/${encodeURIComponent(access.organization.slug)}/audit/export?format=${format}${query ? `&${query}` : ""}`;

  return (
    <section aria-labelledby="audit-page-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="audit-page-heading" className="text-2xl font-semibold tracking-tight">
            Audit log
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Everything recorded in {access.organization.name}, newest first: members, invitations, roles, settings, tracks, assignments, and the sign-ins and security
            changes of its members. Times are UTC.
          </p>
        </div>
        <div className="flex gap-2">
          <a href={exportHref("csv")} download className={buttonStyles({ variant: "secondary", size: "sm" })}>
            Export CSV
          </a>
          <a href={exportHref("json")} download className={buttonStyles({ variant: "secondary", size: "sm" })}>
            Export JSON
          </a>
        </div>
      </div>
      <AuditFilters key={query} slug={access.organization.slug} view={view} actors={actors} />
      <AuditLog slug={access.organization.slug} query={query} />
    </section>
  );
}
