import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { auditFiltersOf, auditQueryOf, auditViewOf } from "@/components/audit/audit-view";
import { buttonStyles } from "@/components/ui/button";
import { endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { auditActorOptions } from "@/lib/audit/actor-options";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

/**
 * The organization's audit log ("audit.read": owners and admins; anyone else gets the
 * not-found page, as for the dashboard). The filters live in the URL; the rows and the
 * export links use the same cleaned query, so a download holds what the page shows
 * (and signing in comes back to it).
 */
const page = orgPage(
  { path: "/o/[orgSlug]/audit", permission: "audit.read", returnQuery: (searchParams) => auditQueryOf(auditViewOf(searchParams)), title: orgTitle("Audit log") },
  async ({ ctx, searchParams }) => {
    const view = auditViewOf(searchParams);
    const query = auditQueryOf(view);
    const actors = await auditActorOptions(ctx.organization.id);
    const exportHref = (format: "csv" | "json") => endpointUrl(api.exportAuditLog, { params: { orgSlug: ctx.organization.slug }, query: { format, ...auditFiltersOf(query) } });

    return (
      <section aria-labelledby="audit-page-heading" className="flex flex-col gap-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 id="audit-page-heading" className="text-2xl font-semibold tracking-tight">
              Audit log
            </h1>
            <p className="mt-1 text-sm text-muted-foreground">
              Everything recorded in {ctx.organization.name}, newest first: members, invitations, roles, settings, tracks, assignments, and the sign-ins and security
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
        <AuditFilters key={query} slug={ctx.organization.slug} view={view} actors={actors} />
        <AuditLog slug={ctx.organization.slug} query={query} />
      </section>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
