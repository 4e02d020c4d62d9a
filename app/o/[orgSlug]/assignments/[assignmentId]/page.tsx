import type { Metadata } from "next";
import Link from "next/link";
import { RoadmapView } from "@/components/assignments/roadmap/roadmap-view";
import { DueDateHistory } from "@/components/assignments/roadmap/due-date-history";
import { ActivityCalendar } from "@/components/dashboards/activity-calendar";
import { NudgeButton } from "@/components/reminders/nudge-button";
import { can, isManagerRole } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";
import { loadAssignment } from "./load-assignment";

type Params = { params: Promise<{ orgSlug: string; assignmentId: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { orgSlug, assignmentId } = await params;
  const access = await orgPageAccess(orgSlug);
  if (!access || access.suspended) return { title: "Roadmap" };
  const assignment = await loadAssignment(access, assignmentId);
  return { title: assignment.viewerIsAssignee ? assignment.title : `${assignment.title} · ${assignment.assignee.name ?? assignment.assignee.email}` };
}

/** One assignment's roadmap: the hire works through it here; mentors and managers follow it read-only. */
export default async function AssignmentRoadmapPage({ params, searchParams }: PageProps) {
  const { orgSlug, assignmentId } = await params;
  const { item, open } = await searchParams;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/assignments/${assignmentId}`);
  if (access.suspended) return null; // the layout explains
  const assignment = await loadAssignment(access, assignmentId);
  const slug = access.organization.slug;
  // A manager, or a mentor who sees it (so mentors it), may nudge the hire of an active assignment.
  const mayNudge = !assignment.viewerIsAssignee && assignment.status === "ACTIVE" && can(access.membership.role, "assignment.nudge");

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={assignment.viewerIsAssignee ? `/o/${slug}/me` : `/o/${slug}/assignments`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
          {assignment.viewerIsAssignee ? "← My work" : "← Assignments"}
        </Link>
        {mayNudge ? <NudgeButton slug={slug} assignmentId={assignment.id} hireName={assignment.assignee.name?.trim() || assignment.assignee.email} /> : null}
      </div>
      <RoadmapView
        slug={slug}
        assignmentId={assignment.id}
        viewerIsAssignee={assignment.viewerIsAssignee}
        viewerIsManager={isManagerRole(access.membership.role)}
        initialItem={typeof item === "string" ? item : null} openItem={open === "1"} />
      <DueDateHistory slug={slug} assignmentId={assignment.id} canExtend={can(access.membership.role, "assignment.update")} />
      {/* Whoever sees the assignment may read its assignee's calendar (lib/events/person-activity-access.ts). */}
      <ActivityCalendar
        slug={slug}
        userId={assignment.assignee.id}
        heading={assignment.viewerIsAssignee ? "Your activity" : `${assignment.assignee.name?.trim() || assignment.assignee.email}’s activity`}
      />
    </div>
  );
}
