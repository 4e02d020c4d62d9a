import Link from "next/link";
import { RoadmapHydration } from "@/components/assignments/roadmap/roadmap-hydration";
import { RoadmapView } from "@/components/assignments/roadmap/roadmap-view";
import { DueDateHistory } from "@/components/assignments/roadmap/due-date-history";
import { ActivityCalendar } from "@/components/dashboards/activity-calendar";
import { NudgeButton } from "@/components/reminders/nudge-button";
import { can, isManagerRole } from "@/lib/authz/policy";
import { orgPage } from "@/lib/orgs/org-page";
import { dehydratedAssignment, loadAssignment } from "./load-assignment";

/**
 * One assignment's roadmap: the hire works through it here; mentors and managers follow it
 * read-only. The assignment is read here, on the server, and handed to the roadmap's query,
 * so a cold load is one trip.
 */
const page = orgPage(
  {
    path: "/o/[orgSlug]/assignments/[assignmentId]",
    permission: "assignment.read",
    title: async ({ ctx, params }) => {
      if (!ctx) return "Roadmap";
      const { track, assignee } = (await loadAssignment(ctx, params.assignmentId)).assignment;
      return assignee.id === ctx.user.id ? track.title : `${track.title} · ${assignee.name ?? assignee.email}`;
    },
  },
  async ({ ctx, params, searchParams }) => {
    const { item, open } = searchParams;
    const detail = await loadAssignment(ctx, params.assignmentId);
    const assignment = detail.assignment;
    const viewerIsAssignee = assignment.assignee.id === ctx.user.id;
    const hireName = assignment.assignee.name?.trim() || assignment.assignee.email;
    const slug = ctx.organization.slug;
    // A manager, or a mentor who sees it (so mentors it), may nudge the hire of an active assignment.
    const mayNudge = !viewerIsAssignee && assignment.status === "ACTIVE" && can(ctx.membership.role, "assignment.nudge");

    // Around everything that reads the assignment's query (the roadmap, the due-date history).
    return (
      <RoadmapHydration slug={slug} assignmentId={assignment.id} state={dehydratedAssignment(slug, detail)}>
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href={viewerIsAssignee ? `/o/${slug}/me` : `/o/${slug}/assignments`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              {viewerIsAssignee ? "← My work" : "← Assignments"}
            </Link>
            {mayNudge ? <NudgeButton slug={slug} assignmentId={assignment.id} hireName={hireName} /> : null}
          </div>
          <RoadmapView
            slug={slug}
            assignmentId={assignment.id}
            viewerIsAssignee={viewerIsAssignee}
            viewerIsManager={isManagerRole(ctx.membership.role)}
            initialItem={typeof item === "string" ? item : null}
            openItem={open === "1"}
          />
          <DueDateHistory slug={slug} assignmentId={assignment.id} canExtend={can(ctx.membership.role, "assignment.update")} />
          {/* Whoever sees the assignment may read its assignee's calendar (lib/events/person-activity-access.ts). */}
          <ActivityCalendar slug={slug} userId={assignment.assignee.id} heading={viewerIsAssignee ? "Your activity" : `${hireName}’s activity`} />
        </div>
      </RoadmapHydration>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
