import Link from "next/link";
import type { ReactNode } from "react";
import { OrgNav } from "@/components/orgs/org-nav";
import { LiveEventsProvider } from "@/components/realtime/live-events-provider";
import { LiveStatus } from "@/components/realtime/live-status";
import { SuspendedNotice } from "@/components/orgs/suspended-notice";
import { can } from "@/lib/authz/policy";
import { orgPageAccess } from "@/lib/orgs/page-access";

/**
 * Every page of one organization: its name (a link to the member's home), whether it is
 * live, and its tabs (beside the page on wide screens, above it on narrow ones); the page
 * brings its own h1; the live event stream of the organization
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
      {/* From 1024 px the tabs are a sidebar beside the page (org-nav.tsx); narrower, a row above it. */}
      <div className="mx-auto w-full max-w-5xl px-4 py-4 sm:px-6 sm:py-8 lg:max-w-7xl">
        <div className="flex flex-wrap items-center justify-between gap-2">
          {/* The organization's name leads home: each member's own start page (app/o/[orgSlug]/page.tsx). */}
          <Link href={`/o/${access.organization.slug}`} prefetch={false} className="min-w-0 text-sm font-medium break-words text-muted-foreground hover:text-foreground">
            {access.organization.name}
          </Link>
          <LiveStatus />
        </div>
        <div className="lg:mt-6 lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
          <OrgNav
            slug={access.organization.slug}
            showSettings={can(access.membership.role, "org.update")}
            showInvitations={can(access.membership.role, "member.invite")}
            showReviews={can(access.membership.role, "evidence.review")}
            showDashboard={can(access.membership.role, "dashboard.read")}
            showAudit={can(access.membership.role, "audit.read")}
          />
          <div className="min-w-0 pt-4 sm:pt-8 lg:pt-0">{children}</div>
        </div>
      </div>
    </LiveEventsProvider>
  );
}
