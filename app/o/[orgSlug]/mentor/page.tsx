import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MentorDashboard } from "@/components/dashboards/mentor-dashboard";
import { can } from "@/lib/authz/policy";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export const metadata: Metadata = { title: "Mentees" };

/** The mentor's dashboard: their mentees' progress and flags, and what happened lately, live. */
export default async function MentorPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/mentor`);
  if (access.suspended) return null; // the layout explains
  if (!can(access.membership.role, "evidence.review")) notFound();
  return (
    <section aria-labelledby="mentees-page-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="mentees-page-heading" className="text-2xl font-semibold tracking-tight">
          Mentees
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">Who needs you now: flags first, then everyone you mentor in {access.organization.name}. It updates as they work.</p>
      </div>
      <MentorDashboard slug={access.organization.slug} />
    </section>
  );
}
