"use client";

import Link from "next/link";
import { memo } from "react";
import { AssignmentActionsMenu } from "./assignment-actions-menu";
import type { AssignmentIntent } from "./assignment-actions-menu";
import { assignmentHref } from "./assignments-api";
import { DueDate } from "./due-date";
import { personName, STATUS_LABEL } from "./labels";
import { ProgressBar } from "./progress-bar";
import type { AssignmentJson } from "./types";
import { Time } from "@/components/ui/time";

type OnIntent = (assignment: AssignmentJson, intent: AssignmentIntent) => void;

/** The assignments, one row each; the person's name opens the assignment's roadmap. */
export function AssignmentsTable({ slug, assignments, canManage, onIntent }: { slug: string; assignments: AssignmentJson[]; canManage: boolean; onIntent: OnIntent }) {
  return (
    // No overflow clipping here: the row menus open below the table's edge.
    <div className="rounded-xl border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Person</th>
            <th scope="col" className="px-4 py-2 font-medium">Track</th>
            <th scope="col" className="hidden px-4 py-2 font-medium lg:table-cell">Mentors</th>
            <th scope="col" className="px-4 py-2 font-medium">Progress</th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Due</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Status</th>
            {canManage ? (
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {assignments.map((assignment) => (
            <AssignmentRow key={assignment.id} slug={slug} assignment={assignment} canManage={canManage} onIntent={onIntent} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Memoized: a change to one assignment hands back a new object for that row only,
// so a long list re-renders one row, not all of them.
const AssignmentRow = memo(function AssignmentRow({ slug, assignment, canManage, onIntent }: { slug: string; assignment: AssignmentJson; canManage: boolean; onIntent: OnIntent }) {
  const name = personName(assignment.assignee);
  return (
    <tr data-testid="assignment-row">
      <th scope="row" className="px-4 py-2 align-top font-medium">
        <Link href={assignmentHref(slug, assignment.id)} className="text-link underline-offset-2 hover:underline">
          {name}
        </Link>
        {assignment.assignee.name ? <span className="hidden font-normal wrap-anywhere text-muted-foreground sm:block">{assignment.assignee.email}</span> : null}
        {/* On narrow screens the due date and status columns are hidden; they show here instead. */}
        <span className="block font-normal md:hidden">
          <DueDate assignment={assignment} />
        </span>
        <span className="block font-normal text-muted-foreground sm:hidden">{STATUS_LABEL[assignment.status]}</span>
      </th>
      <td className="px-4 py-2 align-top">
        {assignment.track.title}
        <span className="block text-muted-foreground">Version {assignment.version.number}</span>
      </td>
      <td className="hidden px-4 py-2 align-top lg:table-cell">{assignment.mentors.map(personName).join(", ") || <span className="text-muted-foreground">None</span>}</td>
      <td className="px-4 py-2 align-top">
        <ProgressBar progress={assignment.progress} label={`Progress of ${name} on ${assignment.track.title}`} />
      </td>
      <td className="hidden px-4 py-2 align-top md:table-cell">
        <DueDate assignment={assignment} />
      </td>
      <td className="hidden px-4 py-2 align-top sm:table-cell">
        {STATUS_LABEL[assignment.status]}
        {assignment.status === "COMPLETED" && assignment.completedAt ? (
          <span className="block text-muted-foreground">
            <Time value={assignment.completedAt} />
          </span>
        ) : null}
      </td>
      {canManage ? (
        <td className="px-2 py-1 text-right align-top">
          <AssignmentActionsMenu assignment={assignment} onIntent={onIntent} />
        </td>
      ) : null}
    </tr>
  );
});
