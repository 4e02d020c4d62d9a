"use client";

import { ROLE_LABEL, STATUS_LABEL } from "@/lib/members/labels";
import { hasAnyAction, memberActions } from "@/lib/members/member-actions";
import type { MemberViewer } from "@/lib/members/member-actions";
import { MemberActionsMenu } from "./member-actions-menu";
import type { MemberIntent } from "./member-actions-menu";
import type { MemberJson } from "./types";
import { Time } from "@/components/ui/time";


export function MembersTable({ members, viewer, onIntent }: { members: MemberJson[]; viewer: MemberViewer; onIntent: (member: MemberJson, intent: MemberIntent) => void }) {
  return (
    // No overflow clipping here: the row menus open below the table's edge.
    <div className="rounded-xl border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Email</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Role</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Status</th>
            <th scope="col" className="hidden px-4 py-2 font-medium lg:table-cell">Joined</th>
            <th scope="col" className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {members.map((member) => {
            const self = member.id === viewer.membershipId;
            const actions = memberActions(viewer, { membershipId: member.id, role: member.role, status: member.status });
            return (
              <tr key={member.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  {member.user.name ?? "—"}
                  {self ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
                  {/* On narrow screens the email column is hidden; it shows here instead (cut short on phones, whole on hover). */}
                  <span title={member.user.email} className="block max-w-52 truncate font-normal text-muted-foreground sm:max-w-none md:hidden">
                    {member.user.email}
                  </span>
                  {/* On phones, role and status too: a 390 px screen has room for the name and the actions only. */}
                  <span className="block font-normal text-muted-foreground sm:hidden">
                    {ROLE_LABEL[member.role]} · <span className={member.status === "SUSPENDED" ? "font-medium text-danger" : undefined}>{STATUS_LABEL[member.status]}</span>
                  </span>
                </th>
                <td className="hidden px-4 py-2 md:table-cell">{member.user.email}</td>
                <td className="hidden px-4 py-2 sm:table-cell">{ROLE_LABEL[member.role]}</td>
                <td className="hidden px-4 py-2 sm:table-cell">
                  <span className={member.status === "SUSPENDED" ? "font-medium text-danger" : undefined}>{STATUS_LABEL[member.status]}</span>
                </td>
                <td className="hidden px-4 py-2 text-muted-foreground lg:table-cell">
                  <Time value={member.joinedAt} />
                </td>
                <td className="px-2 py-1 text-right">
                  {hasAnyAction(actions) ? <MemberActionsMenu member={member} actions={actions} onIntent={(intent) => onIntent(member, intent)} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
