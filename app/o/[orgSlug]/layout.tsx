import type { ReactNode } from "react";
import { OrgNav } from "@/components/orgs/org-nav";
import { LiveEventsProvider } from "@/components/realtime/live-events-provider";
import { LiveStatus } from "@/components/realtime/live-status";
import { SuspendedNotice } from "@/components/orgs/suspended-notice";
import { can } from "@/lib/authz/policy";
import { orgPageAccess } from "@/lib/orgs/page-access";

/**
 * Every page of one organization: its name, whether it is live, and tabs above
 * the page, which brings its own h1; the live event stream of the organization
 * keeps what the pages show current. A suspended member sees why instead of the page.
 */
export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await orgPageAccess(orgSlug);
  // Signed out: the page itself sends the visitor to sign in and back to that page.
  if (!access) return children;
  if (access.suspended) return <SuspendedNotice message={access.message} />;

  return (
    <LiveEventsProvider slug={access.organization.slug}>
      <div className="mx-auto w-full max-w-5xl px-4 py-4 sm:px-6 sm:py-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-medium text-muted-foreground">{access.organization.name}</p>
          <LiveStatus />
        </div>
        <OrgNav
          slug={access.organization.slug}
          showSettings={can(access.membership.role, "org.update")}
          showInvitations={can(access.membership.role, "member.invite")}
          showReviews={can(access.membership.role, "evidence.review")}
          showDashboard={can(access.membership.role, "dashboard.read")}
          showAudit={can(access.membership.role, "audit.read")}
        />
        <div className="pt-4 sm:pt-8">{children}</div>
      </div>
    </LiveEventsProvider>
  );
}
